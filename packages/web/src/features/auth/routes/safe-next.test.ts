import { describe, expect, test } from 'vitest'
import { safeNext } from './SignInPage.tsx'

describe('safeNext', () => {
  test('keeps paths of this app and refuses anything that leaves it', () => {
    expect(safeNext('/customers?city=x')).toBe('/customers?city=x')
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/sign-in?next=/x', 'javascript:alert(1)']) expect(safeNext(bad)).toBe('/')
  })
})
