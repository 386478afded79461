// Unit: CSV cells are quoted per RFC 4180 and cannot smuggle spreadsheet formulas.
import { expect, test } from 'vitest'
import { csvCell, csvRow, csvStream } from './format-csv'

test.each([
  { name: 'plain text', value: 'Top-up', expected: 'Top-up' },
  { name: 'empty', value: '', expected: '' },
  { name: 'null', value: null, expected: '' },
  { name: 'comma', value: 'a,b', expected: '"a,b"' },
  { name: 'quote', value: 'say "hi"', expected: '"say ""hi"""' },
  { name: 'newline', value: 'line1\nline2', expected: '"line1\nline2"' },
  { name: 'formula =', value: '=HYPERLINK("http://x","y")', expected: `"'=HYPERLINK(""http://x"",""y"")"` },
  { name: 'formula +', value: '+1+1', expected: "'+1+1" },
  { name: 'formula -', value: '-2+3', expected: "'-2+3" },
  { name: 'formula @', value: '@SUM(A1)', expected: "'@SUM(A1)" },
  { name: 'leading tab', value: '\t=1', expected: "'\t=1" },
  { name: 'leading CR', value: '\r=1', expected: `"'\r=1"` },
  { name: 'negative amount stays a number', value: '-1.50', expected: '-1.50' },
  { name: 'bigint', value: -42n, expected: '-42' },
  { name: 'number', value: 7, expected: '7' },
])('$name', ({ value, expected }) => {
  expect(csvCell(value)).toBe(expected)
})

test('rows end with CRLF, and a stream yields the rows in order', async () => {
  expect(csvRow(['a', 'b,c', null])).toBe('a,"b,c",\r\n')
  async function* rows() {
    yield csvRow(['h'])
    yield csvRow(['=1'])
  }
  expect(await new Response(csvStream(rows())).text()).toBe("h\r\n'=1\r\n")
})
