import { describe, expect, test } from 'vitest'
import { cleanSearchText, findForbiddenCharacter, plainText } from './text'

const name = plainText().min(2, 'Use at least 2 characters').max(80, 'Use at most 80 characters')
const description = plainText({ multiline: true }).max(2000, 'Use at most 2000 characters')

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? []

describe('plainText refuses what nobody types on purpose, naming the character', () => {
  test.each([
    ['a right-to-left override (reversed file name)', 'abc\u202Egnp.exe', 'U+202E (right-to-left override)'],
    ['a left-to-right embedding', 'Acme \u202Apay', 'U+202A (left-to-right embedding)'],
    ['a right-to-left embedding', 'Acme \u202Bpay', 'U+202B (right-to-left embedding)'],
    ['a pop directional formatting', 'Acme\u202C pay', 'U+202C (pop directional formatting)'],
    ['a left-to-right override', 'Acme \u202Dpay', 'U+202D (left-to-right override)'],
    ['a left-to-right isolate', 'Acme \u2066pay', 'U+2066 (left-to-right isolate)'],
    ['a right-to-left isolate', 'Acme \u2067pay', 'U+2067 (right-to-left isolate)'],
    ['a first strong isolate', 'Acme \u2068pay', 'U+2068 (first strong isolate)'],
    ['a pop directional isolate', 'Acme\u2069 pay', 'U+2069 (pop directional isolate)'],
    ['a left-to-right mark', 'Acme\u200E pay', 'U+200E (left-to-right mark)'],
    ['a right-to-left mark', 'Acme\u200F pay', 'U+200F (right-to-left mark)'],
    ['an Arabic letter mark', 'Acme\u061C pay', 'U+061C (Arabic letter mark)'],
    ['a NUL', 'Acme\u0000pay', 'U+0000 (NUL)'],
    ['a bell', 'Acme\u0007pay', 'U+0007 (bell)'],
    ['an escape (terminal colours)', 'Acme\u001B[31mpay', 'U+001B (escape)'],
    ['a backspace', 'Acme\bpay', 'U+0008 (backspace)'],
    ['a delete', 'Acme\u007Fpay', 'U+007F (delete)'],
    ['a C1 next-line', 'Acme\u0085pay', 'U+0085 (control character)'],
    ['a C1 control sequence introducer', 'Acme\u009Bpay', 'U+009B (control character)'],
    ['a line break in a name', 'Acme\npay', 'U+000A (line break)'],
    ['a tab in a name', 'Acme\tpay', 'U+0009 (tab)'],
    ['a carriage return in a name', 'Acme\rpay', 'U+000D (carriage return)'],
    ['a line separator in a name', 'Acme\u2028pay', 'U+2028 (line separator)'],
    ['an unpaired surrogate', 'Acme \uD83D pay', 'U+D83D (unpaired surrogate)'],
  ])('%s', (_label, input, label) => {
    const result = name.safeParse(input)
    expect(result.success).toBe(false)
    // One message, and it names the character: most of these are invisible on screen.
    expect(messages(result)).toHaveLength(1)
    expect(messages(result)[0]).toContain(label)
  })

  test('a too-short name made of a control gets the character message only', () => {
    expect(messages(name.safeParse('\u202E'))).toEqual([
      'Remove the invisible character U+202E (right-to-left override)',
    ])
  })

  test('the position is reported in characters, counting an emoji as one', () => {
    expect(findForbiddenCharacter('🚀a\u202Eb')).toMatchObject({ codePoint: 0x202e, index: 2 })
  })

  test.each([
    ['a NUL', 'line one\u0000'],
    ['a bidi override', 'first line\n\u202Esecond'],
    ['an escape', 'text \u001B[2J'],
    ['a vertical tab', 'a\u000Bb'],
  ])('multi-line text still refuses %s', (_label, input) => {
    expect(description.safeParse(input).success).toBe(false)
  })
})

describe('plainText keeps what people do type', () => {
  test.each([
    ['accents', 'Café Müller Ærø Łódź', 'Café Müller Ærø Łódź'],
    ['decomposed accents, stored composed (NFC)', 'Cafe\u0301', 'Café'],
    ['emoji, including a ZWJ sequence and a flag', '🚀 Launch 👩\u200D💻 🇳🇴', '🚀 Launch 👩\u200D💻 🇳🇴'],
    ['Hebrew letters', 'שלום עולם', 'שלום עולם'],
    ['Arabic letters', 'واجهة الدفع', 'واجهة الدفع'],
    ['mixed Latin and RTL letters', 'Payments תשלומים API', 'Payments תשלומים API'],
    ['CJK', '支付接口 決済', '支付接口 決済'],
    ['surrounding spaces, trimmed', '   Acme  ', 'Acme'],
  ])('%s', (_label, input, stored) => {
    expect(name.parse(input)).toBe(stored)
  })

  test('length is counted on the normalised text', () => {
    // 40 decomposed "é" are 80 code units before NFC and 40 after.
    expect(name.parse('e\u0301'.repeat(40))).toBe('é'.repeat(40))
  })

  test('descriptions keep line breaks and tabs; CRLF from a textarea is stored as LF', () => {
    expect(description.parse('Line one\r\n\tindented\rline three\n')).toBe('Line one\n\tindented\nline three')
  })

  test('parsing twice gives the same value (an action and its lib function both parse)', () => {
    const once = description.parse('  Cafe\u0301\r\nok ')
    expect(description.parse(once)).toBe(once)
  })
})

describe('cleanSearchText', () => {
  test.each([
    ['a NUL becomes a separator', 'pay\u0000ments', 'pay ments'],
    ['bidi controls are dropped to spaces', '\u202Eweather\u202C', 'weather'],
    ['decomposed accents are composed, like stored names', 'cafe\u0301', 'café'],
    ['plain text is untouched', 'weather api', 'weather api'],
  ])('%s', (_label, input, cleaned) => {
    expect(cleanSearchText(input)).toBe(cleaned)
  })
})
