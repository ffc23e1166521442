/*
 * Rapport's embeddable chat (served at /widget/v1/chat-widget.js). Plain ES2017 with no dependencies and no
 * build step, so a shop pastes one tag:
 *   <script src="https://rapport.example.com/widget/v1/chat-widget.js" data-site-key="pk_…" data-lang="zh" async></script>
 * Optional: data-target="#some-element" shows the chat open inside that element instead of a floating button.
 * Everything runs in a shadow root (the page's CSS cannot break it) and every text is set as text, never HTML.
 * The chat token stays in this origin's localStorage, so a reload returns to the same chat.
 */
(function () {
  'use strict'
  var script = document.currentScript
  if (!script || !script.src) return
  var api = new URL('./', script.src).href
  var siteKey = script.getAttribute('data-site-key') || ''
  var navLang = (navigator.language || 'en').toLowerCase()
  var lang = script.getAttribute('data-lang') || (navLang.indexOf('zh') === 0 ? 'zh' : 'en')
  if (lang !== 'zh') lang = 'en'
  var targetSel = script.getAttribute('data-target')
  var storeKey = 'rapport-chat:' + siteKey

  var T = {
    en: {
      open: 'Chat with us', close: 'Close chat', title: 'Help', placeholder: 'Type your question…', send: 'Send', person: 'Talk to a person',
      neither: 'Neither of these', email: 'Your e-mail', emailSave: 'Send replies here', you: 'You', assistant: 'Assistant', agent: 'Support',
      error: 'Something went wrong. Please try again.', handedOff: 'A person will reply here.', from: 'From the help centre:',
    },
    zh: {
      open: '在线客服', close: '关闭对话', title: '在线帮助', placeholder: '请输入您的问题…', send: '发送', person: '转人工客服',
      neither: '都不是', email: '您的邮箱', emailSave: '把回复发到这里', you: '我', assistant: '智能助手', agent: '客服',
      error: '出错了，请稍后再试。', handedOff: '人工客服会在这里回复您。', from: '来自帮助中心：',
    },
  }[lang]

  var token = null
  try { token = window.localStorage.getItem(storeKey) } catch (e) { token = null }
  var chat = null
  var pollTimer = null

  function call(path, body) {
    var headers = { 'content-type': 'application/json', 'x-rapport-site-key': siteKey }
    if (token) headers.authorization = 'Bearer ' + token
    return fetch(api + path, { method: 'POST', headers: headers, body: JSON.stringify(body || {}), credentials: 'omit' }).then(function (res) {
      return res.json().then(function (json) {
        if (!res.ok) {
          var err = new Error((json && json.error && json.error.message) || T.error)
          err.status = res.status
          throw err
        }
        return json
      })
    })
  }

  function el(tag, attrs, text) {
    var n = document.createElement(tag)
    if (attrs) for (var k in attrs) n.setAttribute(k, attrs[k])
    if (text !== undefined) n.textContent = text
    return n
  }

  var host = el('div', { 'data-rapport-chat': '' })
  var root = host.attachShadow({ mode: 'open' })
  var style = el('style')
  style.textContent = [
    ':host{all:initial;font:14px/1.45 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328}',
    // The rules below set display on the panel and the forms, which would otherwise beat the hidden attribute.
    '[hidden]{display:none!important}',
    '.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;padding:12px 18px;background:#0b57d0;color:#fff;font:inherit;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}',
    '.panel{display:flex;flex-direction:column;width:340px;height:480px;background:#fff;border:1px solid #d0d7de;border-radius:12px;overflow:hidden;box-shadow:0 8px 28px rgba(0,0,0,.2)}',
    '.floating{position:fixed;right:20px;bottom:76px;z-index:2147483000}',
    '.inline{width:100%;height:100%;min-height:420px;box-shadow:none}',
    'header{display:flex;justify-content:space-between;align-items:center;padding:10px 14px;background:#0b57d0;color:#fff;font-weight:600}',
    'header button{background:transparent;border:0;color:#fff;font-size:18px;cursor:pointer}',
    '.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f8fa}',
    '.msg{max-width:85%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}',
    '.visitor{align-self:flex-end;background:#0b57d0;color:#fff}',
    '.assistant,.agent{align-self:flex-start;background:#fff;border:1px solid #d0d7de}',
    '.who{display:block;font-size:12px;color:#57606a;margin-bottom:2px}',
    '.src{display:block;font-size:12px;font-weight:600;margin-bottom:4px}',
    '.choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}',
    '.choices button,.person,.mail button{border:1px solid #0b57d0;background:#fff;color:#0b57d0;border-radius:14px;padding:4px 10px;font:inherit;cursor:pointer}',
    'form.ask{display:flex;gap:6px;padding:8px;border-top:1px solid #d0d7de}',
    'form.ask textarea{flex:1;resize:none;height:40px;font:inherit;padding:6px;border:1px solid #8c959f;border-radius:6px}',
    'form.ask button{border:0;background:#0b57d0;color:#fff;border-radius:6px;padding:0 12px;font:inherit;cursor:pointer}',
    '.bar{display:flex;justify-content:space-between;align-items:center;padding:4px 8px 8px}',
    'form.mail{display:flex;gap:6px;padding:8px;border-top:1px solid #d0d7de}',
    'form.mail input{flex:1;font:inherit;padding:4px 6px;border:1px solid #8c959f;border-radius:6px}',
    '.status{color:#b42318;font-size:12px;padding:0 8px}',
  ].join('\n')
  root.appendChild(style)

  var panel = el('section', { class: 'panel', role: 'dialog', 'aria-label': T.title, lang: lang === 'zh' ? 'zh-CN' : 'en' })
  var head = el('header')
  head.appendChild(el('span', null, T.title))
  var closeBtn = el('button', { type: 'button', 'aria-label': T.close }, '×')
  head.appendChild(closeBtn)
  var log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite' })
  var status = el('div', { class: 'status', role: 'alert' })
  var mail = el('form', { class: 'mail', hidden: '' })
  var mailInput = el('input', { type: 'email', required: '', 'aria-label': T.email, placeholder: T.email, autocomplete: 'email' })
  mail.appendChild(mailInput)
  mail.appendChild(el('button', { type: 'submit' }, T.emailSave))
  var ask = el('form', { class: 'ask' })
  var input = el('textarea', { 'aria-label': T.placeholder, placeholder: T.placeholder, maxlength: '2000' })
  ask.appendChild(input)
  ask.appendChild(el('button', { type: 'submit' }, T.send))
  var bar = el('div', { class: 'bar' })
  var personBtn = el('button', { type: 'button', class: 'person' }, T.person)
  bar.appendChild(personBtn)
  panel.appendChild(head)
  panel.appendChild(log)
  panel.appendChild(status)
  panel.appendChild(mail)
  panel.appendChild(ask)
  panel.appendChild(bar)

  var launcher = null
  if (targetSel) {
    panel.classList.add('inline')
    closeBtn.hidden = true
    root.appendChild(panel)
  } else {
    panel.classList.add('floating')
    panel.hidden = true
    launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false' }, T.open)
    launcher.addEventListener('click', function () { setOpen(panel.hidden) })
    closeBtn.addEventListener('click', function () { setOpen(false) })
    root.appendChild(panel)
    root.appendChild(launcher)
  }

  function setOpen(open) {
    panel.hidden = !open
    if (launcher) launcher.setAttribute('aria-expanded', String(open))
    if (open) { ensureChat(); input.focus() }
    schedulePoll()
  }

  function render() {
    log.textContent = ''
    if (!chat) return
    var greet = el('div', { class: 'msg assistant' })
    greet.appendChild(el('span', { class: 'who' }, T.assistant))
    greet.appendChild(document.createTextNode(chat.greeting))
    log.appendChild(greet)
    chat.messages.forEach(function (m, i) {
      var box = el('div', { class: 'msg ' + m.author, 'data-action': m.action || '' })
      box.appendChild(el('span', { class: 'who' }, m.author === 'visitor' ? T.you : m.author === 'agent' ? T.agent : T.assistant))
      if (m.article) box.appendChild(el('span', { class: 'src' }, T.from + ' ' + m.article.title))
      box.appendChild(document.createTextNode(m.body))
      var last = i === chat.messages.length - 1
      if (m.action === 'clarify' && last && chat.status === 'assistant') {
        var row = el('div', { class: 'choices' })
        m.choices.forEach(function (c) {
          var b = el('button', { type: 'button' }, c.title)
          b.addEventListener('click', function () { send('choice', { article_id: c.article_id }) })
          row.appendChild(b)
        })
        var no = el('button', { type: 'button' }, T.neither)
        no.addEventListener('click', function () { send('choice', { article_id: null }) })
        row.appendChild(no)
        box.appendChild(row)
      }
      log.appendChild(box)
    })
    log.scrollTop = log.scrollHeight
    mail.hidden = !(chat.status === 'handed_off' && !chat.email_known)
    personBtn.hidden = chat.status !== 'assistant'
  }

  function fail(err) {
    if (err && err.status === 401) {
      // The chat ended or the key changed: start afresh next time.
      token = null
      try { window.localStorage.removeItem(storeKey) } catch (e) { /* storage may be off */ }
      chat = null
    }
    status.textContent = (err && err.message) || T.error
  }

  var starting = null
  function ensureChat() {
    if (chat) return Promise.resolve(chat)
    if (starting) return starting
    var p = token ? call('chat').catch(function (err) { if (err.status !== 401) throw err; token = null; return null }) : Promise.resolve(null)
    starting = p.then(function (c) {
      if (c) return c
      return call('sessions', { lang: lang }).then(function (r) {
        token = r.token
        try { window.localStorage.setItem(storeKey, token) } catch (e) { /* storage may be off */ }
        return r.chat
      })
    }).then(function (c) { chat = c; status.textContent = ''; render(); return c }, function (err) { fail(err); throw err })
    starting.then(function () { starting = null }, function () { starting = null })
    return starting
  }

  function send(path, body) {
    status.textContent = ''
    return ensureChat().then(function () { return call(path, body) }).then(function (c) { chat = c; render(); schedulePoll() }, fail)
  }

  ask.addEventListener('submit', function (e) {
    e.preventDefault()
    var text = input.value.trim()
    if (!text) return
    input.value = ''
    send('messages', { text: text })
  })
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); ask.requestSubmit() }
  })
  personBtn.addEventListener('click', function () { send('person') })
  mail.addEventListener('submit', function (e) {
    e.preventDefault()
    send('contact', { email: mailInput.value.trim() })
  })

  // After a hand-off the agent answers later: look for replies every few seconds while the chat is open.
  function schedulePoll() {
    if (pollTimer) { clearTimeout(pollTimer); pollTimer = null }
    // Nothing to wait for, a closed panel, or a widget the page removed (the dashboard's preview replaces its copy).
    if (!chat || chat.status !== 'handed_off' || panel.hidden || !host.isConnected) return
    pollTimer = setTimeout(function () {
      call('chat').then(function (c) { chat = c; render() }, fail).then(schedulePoll)
    }, 4000)
  }

  function attach() {
    var target = targetSel ? document.querySelector(targetSel) : document.body
    if (!target) return
    target.appendChild(host)
    if (targetSel) ensureChat().then(schedulePoll, function () { /* shown in the status line */ })
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', attach)
  else attach()
})()
