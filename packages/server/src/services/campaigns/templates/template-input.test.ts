import assert from 'node:assert/strict'
import { test } from 'node:test'
import { campaignTemplate } from './template-input.ts'

test('accepts an English-only template and one with a Chinese version', () => {
  assert.equal(campaignTemplate.safeParse({ en: { text: 'Hi' } }).success, true)
  assert.equal(campaignTemplate.safeParse({ en: { subject: 'S', html: '<p>x</p>', text: '' }, zh: { subject: '主题', text: '你好' } }).success, true)
})

test('refuses a version without text, a misspelt part and a language it does not know', () => {
  assert.equal(campaignTemplate.safeParse({ en: { subject: 'S' } }).success, false)
  assert.equal(campaignTemplate.safeParse({ en: { text: 'x', htm: '<p>' } }).success, false)
  assert.equal(campaignTemplate.safeParse({ en: { text: 'x' }, fr: { text: 'y' } }).success, false)
})
