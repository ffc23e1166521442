import type { ArticleLang } from '../api/kb-types.ts'

/**
 * An answer as plain text, line breaks kept. The server stores the body as written, HTML included, and
 * React renders this as a text node: markup shows as the characters typed and never runs.
 */
export function AnswerText({ text, lang, id }: { text: string; lang: ArticleLang; id?: string }) {
  return (
    <div className="kb-answer" id={id} lang={lang} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </div>
  )
}
