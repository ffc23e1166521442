import { test } from 'node:test'
import assert from 'node:assert/strict'
import { RapportError } from '../../../errors/rapport-error.ts'
import { openPixel, rewriteLinks, safeRedirectTarget } from './tracked-links.ts'

const track = (url: string): string => `https://r.example/c/${encodeURIComponent(url)}`

test('rewriteLinks rewrites double-quoted, single-quoted and unquoted hrefs of several links', () => {
  const html = '<p><a href="https://a.example/x">A</a> <A class=\'b\' HREF=\'http://b.example/\'>B</A> <a href=https://c.example/>C</a></p>'
  assert.equal(rewriteLinks(html, track),
    `<p><a href="${track('https://a.example/x')}">A</a> <A class='b' HREF="${track('http://b.example/')}">B</A> <a href="${track('https://c.example/')}">C</a></p>`)
})

test('rewriteLinks leaves mailto, tel, anchors, relative links and links under skipPrefix', () => {
  const html = '<a href="mailto:x@y.example">m</a><a href="tel:+1">t</a><a href="#top">#</a><a href="/rel">r</a>' +
    '<a href="https://r.example/u/TOKEN">unsubscribe</a>'
  assert.equal(rewriteLinks(html, track, { skipPrefix: 'https://r.example/u/' }), html)
})

test('rewriteLinks hands over the decoded URL and escapes the new one', () => {
  let seen = ''
  const out = rewriteLinks('<a href="https://a.example/?x=1&amp;y=2">a</a>', (u) => { seen = u; return 'https://r.example/c?u=1&v="2"' })
  assert.equal(seen, 'https://a.example/?x=1&y=2')
  assert.equal(out, '<a href="https://r.example/c?u=1&amp;v=&quot;2&quot;">a</a>')
})

test('rewriteLinks ignores href-like text inside other attributes and tags that are not <a>', () => {
  const html = '<a title="see href=https://no.example > here" href="https://yes.example">x</a><abbr href="https://no.example">y</abbr>' +
    '<img src="https://no.example/i.png"><link href="https://no.example/s.css">'
  assert.equal(rewriteLinks(html, track),
    `<a title="see href=https://no.example > here" href="${track('https://yes.example')}">x</a><abbr href="https://no.example">y</abbr>` +
    '<img src="https://no.example/i.png"><link href="https://no.example/s.css">')
})

test('rewriteLinks rewrites only the first href of a tag and keeps the other attributes as written', () => {
  assert.equal(rewriteLinks('<a data-x  =  "1" href = "https://a.example" href="https://b.example" target=_blank>', track),
    `<a data-x  =  "1" href = "${track('https://a.example')}" href="https://b.example" target=_blank>`)
})

test('openPixel is a 1×1 image with empty alt and an escaped src', () => {
  const tag = openPixel('https://r.example/o/T?a=1&b=2')
  assert.match(tag, /^<img src="https:\/\/r\.example\/o\/T\?a=1&amp;b=2" /)
  assert.match(tag, / width="1" height="1" alt="" /)
})

test('safeRedirectTarget accepts absolute http and https URLs', () => {
  assert.equal(safeRedirectTarget('https://shop.example/p?q=1#f'), 'https://shop.example/p?q=1#f')
  assert.equal(safeRedirectTarget('HTTP://Shop.Example'), 'http://shop.example/')
})

test('safeRedirectTarget rejects open-redirect and script targets', () => {
  for (const bad of ['javascript:alert(1)', 'JavaScript://%0aalert(1)', '//evil.example', '/\\evil.example', 'data:text/html,<b>x</b>',
    'evil.example', 'https://', 'https://user:pw@shop.example/', 'https://shop.example/\r\nSet-Cookie: x', ' https://shop.example/',
    'ftp://files.example/', 'https:evil.example']) {
    assert.throws(() => safeRedirectTarget(bad), (e: unknown) => e instanceof RapportError && e.code === 'validation_failed', JSON.stringify(bad))
  }
})
