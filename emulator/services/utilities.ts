/** Utilities and Blob. */
import { createHash, createHmac, randomUUID } from 'crypto';
import { format as nodeFormat } from 'util';
import { ServiceError } from '../errors';
import { Charset, DigestAlgorithm, MacAlgorithm, enumName } from '../enums';
import { GasObject } from '../gas-object';
import { formatJavaDate } from '../util/java-date-format';
import { isValidTimeZone } from '../util/timezone';
import { isDate } from '../spreadsheet/values';
import type { Execution } from '../execution';

const HASHES: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const HMACS: Record<string, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };

/** Java-style signed bytes (-128..127) of a buffer. */
export function signedBytes(buf: Buffer): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** A buffer from a string (in a charset) or from a byte array (signed or not). */
export function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b: number) => b & 255));
  if (data instanceof Blob) return Buffer.from(data._bytes);
  const enc = charset !== undefined && enumName(charset) === 'US_ASCII' ? 'latin1' : 'utf8';
  return Buffer.from(String(data), enc);
}

/** Java's String.format for %s %d %f %x %e %b %% %n with flags, width and precision. */
export function formatJavaString(template: string, args: unknown[]): string {
  let idx = 0;
  return template.replace(/%(-)?(0)?(,)?(\d+)?(?:\.(\d+))?([sSdfxXeEbn%])/g, (_m, left: string, zero: string, comma: string, width: string, prec: string, conv: string) => {
    if (conv === '%') return '%';
    if (conv === 'n') return '\n';
    const a = args[idx++];
    let s: string;
    switch (conv) {
      case 'd':
        s = String(Math.trunc(Number(a)));
        if (comma) s = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        break;
      case 'f':
        s = Number(a).toFixed(prec === undefined ? 6 : Number(prec));
        if (comma) s = s.replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
        break;
      case 'x':
      case 'X':
        s = Math.trunc(Number(a)).toString(16);
        if (conv === 'X') s = s.toUpperCase();
        break;
      case 'e':
      case 'E':
        s = Number(a).toExponential(prec === undefined ? 6 : Number(prec));
        if (conv === 'E') s = s.toUpperCase();
        break;
      case 'b':
        s = String(a !== null && a !== undefined && a !== false);
        break;
      default:
        s = a === null || a === undefined ? 'null' : typeof a === 'object' && !isDate(a) ? nodeFormat('%j', a) : String(a);
        if (prec !== undefined) s = s.slice(0, Number(prec));
        if (conv === 'S') s = s.toUpperCase();
    }
    const w = width ? Number(width) : 0;
    if (s.length < w) s = left ? s.padEnd(w) : zero && /[dfxXeE]/.test(conv) ? (s.startsWith('-') ? '-' + s.slice(1).padStart(w - 1, '0') : s.padStart(w, '0')) : s.padStart(w);
    return s;
  });
}

/** Apps Script's Blob (minimal). */
export class Blob extends GasObject {
  readonly _type = 'Blob';
  constructor(x: Execution, public _bytes: Buffer, public _contentType: string | null, public _name: string | null) {
    super(x);
  }
  getBytes(): number[] {
    return signedBytes(this._bytes);
  }
  getDataAsString(charset?: string): string {
    return this._bytes.toString(charset && /ascii|latin/i.test(charset) ? 'latin1' : 'utf8');
  }
  setDataFromString(s: string): Blob {
    this._bytes = Buffer.from(String(s), 'utf8');
    return this;
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: string): Blob {
    this._contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): Blob {
    this._name = name;
    return this;
  }
  copyBlob(): Blob {
    return new Blob(this._x, Buffer.from(this._bytes), this._contentType, this._name);
  }
  isGoogleType(): boolean {
    return false;
  }
}

/** Apps Script's Utilities. */
export class UtilitiesService extends GasObject {
  readonly _type = 'Utilities';
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly Charset = Charset;
  constructor(x: Execution) {
    super(x);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw new ServiceError(`The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`);
    if (!isValidTimeZone(String(timeZone))) throw new ServiceError(`Invalid argument: timeZone`);
    try {
      return formatJavaDate(date.getTime(), String(timeZone), String(format));
    } catch (e) {
      throw new ServiceError((e as Error).message);
    }
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatJavaString(String(template), args);
  }
  getUuid(): string {
    return randomUUID();
  }
  /** Advances the virtual clock (Apps Script caps a sleep at 5 minutes). */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (ms > 300000) throw new ServiceError('Argument too large: milliseconds');
    this._x.env.clock.advance(ms);
  }
  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const alg = HASHES[enumName(algorithm)];
    if (!alg) throw new ServiceError('Invalid argument: algorithm');
    return signedBytes(createHash(alg).update(toBuffer(value, charset)).digest());
  }
  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
    const alg = HMACS[enumName(algorithm)];
    if (!alg) throw new ServiceError('Invalid argument: algorithm');
    return signedBytes(createHmac(alg, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key, charset);
  }
  base64Encode(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return signedBytes(Buffer.from(String(encoded), 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return signedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    return new Blob(this._x, toBuffer(data ?? ''), contentType ?? null, name ?? null);
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    const d = delimiter ?? ',';
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    const s = String(csv);
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (quoted) {
        if (ch === '"' && s[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === d) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && s[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += ch;
    }
    if (field !== '' || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }
}
