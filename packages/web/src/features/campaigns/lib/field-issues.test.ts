import { describe, expect, test } from 'vitest'
import { ApiError } from '../../../lib/api/api-error.ts'
import { isEditorField, languagesWithIssues, splitPosition, unplacedIssues } from './field-issues.ts'

describe('server errors beside the editor’s fields', () => {
  const refusal = new ApiError(400, 'validation_failed', 'the template is not valid', [
    { path: 'body.variants.1.template.zh.html', message: 'line 3, column 7: unknown merge field "customer.nmae"' },
    { path: 'body.variants.0.template.en.subject', message: 'an e-mail needs a subject' },
    { path: 'body.variants', message: 'variant names must differ' },
  ])

  test('a template error’s path names the variant, language and part it belongs to', () => {
    const issues = refusal.fieldIssues()
    expect(issues['variants.1.template.zh.html']).toMatch(/customer\.nmae/)
    expect(languagesWithIssues(issues, 1)).toEqual(['zh'])
    expect(languagesWithIssues(issues, 0)).toEqual(['en'])
    expect(languagesWithIssues(issues, 2)).toEqual([])
  })

  test('errors no field shows are listed apart', () => {
    expect(unplacedIssues(refusal.fieldIssues(), isEditorField)).toEqual([{ path: 'variants', message: 'variant names must differ' }])
    expect(isEditorField('settings.concurrency')).toBe(true)
    expect(isEditorField('settings.max_attempts')).toBe(false)
  })

  test('a message with a line and column gives them apart from its text', () => {
    expect(splitPosition('line 3, column 7: unknown merge field "x"')).toEqual({ line: 3, column: 7, text: 'unknown merge field "x"' })
    expect(splitPosition('an e-mail needs a subject')).toBeNull()
  })
})
