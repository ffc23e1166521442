import { test } from 'node:test'
import assert from 'node:assert/strict'
import { maskEmail, maskPhone, maskPii } from './mask-pii.ts'

test('e-mail and phone masks keep the first letters, the top-level domain and the last four digits', () => {
  assert.equal(maskEmail('ann.lee@example.com'), 'a***@e***.com')
  assert.equal(maskEmail('王@qq.com.cn'), '王***@q***.cn')
  assert.equal(maskPhone('+86 138 0013 8000'), '+86*******8000')
  assert.equal(maskPhone('138.0013.8007'), '*******8007')
})

test('maskPii masks email and phone fields at any depth and leaves everything else', () => {
  const v = { data: [{ email: 'a@b.cn', phone: '13800138000', city: '上海' }], profile: { email: null, nested: { phone: '+1 415 555 0100' } } }
  assert.deepEqual(maskPii(v), { data: [{ email: 'a***@b***.cn', phone: '*******8000', city: '上海' }], profile: { email: null, nested: { phone: '+14*******0100' } } })
})
