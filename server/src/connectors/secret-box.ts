import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SealedSecret {
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/**
 * AES-256-GCM for connector secrets at rest. The secret's name is the
 * associated data, so a ciphertext copied onto another name's row fails to
 * open instead of handing one source's key to another.
 */
export function secretBox(key: Buffer) {
  if (key.length < 32) throw new Error('The secrets key must be 32 bytes');
  const aesKey = key.subarray(0, 32);
  return {
    seal(name: string, value: string): SealedSecret {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
      cipher.setAAD(Buffer.from(name, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return { iv, ciphertext, tag: cipher.getAuthTag() };
    },
    /** Undefined when the row was tampered with or sealed under another key. */
    open(name: string, sealed: SealedSecret): string | undefined {
      try {
        const decipher = createDecipheriv('aes-256-gcm', aesKey, sealed.iv);
        decipher.setAAD(Buffer.from(name, 'utf8'));
        decipher.setAuthTag(sealed.tag);
        return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

export type SecretBox = ReturnType<typeof secretBox>;
