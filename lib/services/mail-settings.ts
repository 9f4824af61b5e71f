import "server-only";
import { mailAddressOf, optedOutKinds } from "@/lib/data/mail-notices";
import type { MailKind } from "@/lib/generated/prisma/enums";
import { mailConfig } from "@/lib/mail/config";
import { MAIL_KINDS } from "@/lib/validation/mail";

export type MailSettings = {
  mailOn: boolean;
  address: string | null;
  kinds: readonly MailKind[];
  receiving: MailKind[];
};

/** What the account page shows: whether this server sends mail, to which address, and the kinds received. */
export async function mailSettingsOf(userId: string): Promise<MailSettings> {
  const [address, off] = await Promise.all([mailAddressOf(userId), optedOutKinds(userId)]);
  return {
    mailOn: mailConfig() !== null,
    address,
    kinds: MAIL_KINDS,
    receiving: MAIL_KINDS.filter((k) => !off.includes(k)),
  };
}
