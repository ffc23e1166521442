/** Why the assistant passed a chat to a person (the policy's reasons and the server's own rules). */
export type HandOffWhy = 'asked_for_human' | 'negative_sentiment' | 'low_confidence' | 'weak_retrieval' | 'no_articles' | 'not_helpful'

const say = {
  en: {
    clarify: 'Did you mean one of these?',
    neither: 'Neither of these',
    person: 'I would like to talk to a person',
    handOff: 'I am passing you to a colleague, who will reply here as soon as possible.',
    leaveEmail: 'Leave your e-mail below if you would like the reply by e-mail too.',
    replyByMail: (email: string) => `We will also reply to ${email}.`,
    visitorName: 'Chat visitor',
  },
  zh: {
    clarify: '您想问的是以下哪一个？',
    neither: '都不是',
    person: '我想找人工客服',
    handOff: '正在为您转接人工客服，客服会尽快在这里回复您。',
    leaveEmail: '如希望通过邮件收到回复，请在下方留下邮箱。',
    replyByMail: (email: string) => `我们也会把回复发送到 ${email}。`,
    visitorName: '聊天访客',
  },
} as const

/** The assistant's words in each language, and the note agents read on a handed-off conversation (both languages). */
export const CHAT_TEXT = {
  ...say,
  handOffNote: {
    asked_for_human: 'Chat assistant: the visitor asked for a person. / 访客要求人工客服。',
    negative_sentiment: 'Chat assistant: the visitor sounds unhappy. / 访客情绪负面。',
    low_confidence: 'Chat assistant: no knowledge-base answer was likely enough. / 知识库没有足够可信的答案。',
    weak_retrieval: 'Chat assistant: the likeliest article matched the question poorly. / 最可能的文章与问题匹配度低。',
    no_articles: 'Chat assistant: there are no published articles in this language. / 该语言没有已发布的文章。',
    not_helpful: 'Chat assistant: neither suggested article was what the visitor meant. / 建议的文章都不是访客想问的。',
  } satisfies Record<HandOffWhy, string>,
}
