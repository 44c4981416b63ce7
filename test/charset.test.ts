/** Issue 11.10: a wrong charset="utf-16" label on a UTF-8 body is a broken mail, not a clean CJK reply. */
import { describe, expect, it } from 'vitest';
import { parseMail } from '../src/input/eml.js';
import { misdecoded } from '../src/input/mail-text.js';

const head = (charset: string, cte = '8bit') =>
  `From: Laura Mäkinen <laura@yritys.fi>\r\nTo: anna@example.fi\r\nSubject: Lasku\r\nMessage-ID: <u16@yritys.fi>\r\nContent-Type: text/plain; charset="${charset}"\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n`;
const BODY = 'Hei Anna,\r\n\r\nlaskusi on nyt korjattu, ja hyvitys näkyy tililläsi perjantaina.\r\n\r\nTerveisin\r\nLaura\r\n';

describe('UTF-8 read as UTF-16', () => {
  it('a UTF-8 body labelled utf-16 is reported as a broken charset', async () => {
    for (const charset of ['utf-16', 'utf-16le', 'UTF-16BE']) {
      const r = await parseMail(Buffer.concat([Buffer.from(head(charset)), Buffer.from(BODY, 'utf8')]));
      expect('error' in r ? r.error : undefined, charset).toMatchObject({ code: 'bad-charset', detail: { reason: 'UTF-8 read as UTF-16' } });
    }
  });

  it('a real UTF-16 body still reads, and so does real Chinese or Japanese text', async () => {
    const body = Buffer.from(BODY, 'utf16le');
    const utf16 = await parseMail(Buffer.concat([Buffer.from(head('utf-16le', 'base64')), Buffer.from(body.toString('base64'))]));
    expect('mail' in utf16 ? utf16.mail.text : undefined).toContain('hyvitys näkyy tililläsi');
    expect(misdecoded('您好，您的订单已经发货，预计三天内送达。如有问题请随时联系我们。')).toBeNull();
    expect(misdecoded('ご注文の商品は本日発送いたしました。お届けまで三日ほどかかります。')).toBeNull();
  });
});
