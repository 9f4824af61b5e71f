"use client";
// Building blocks of the record forms of /{ward}/gpmb: the action state (without React's form reset,
// so that typed values survive a refusal), labelled fields with their errors, and the conflict panel.
import { useRouter } from "next/navigation";
import {
  type FormEvent,
  type ReactNode,
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import type { RecordResult } from "@/lib/actions/record-outcome";
import { retryable } from "@/lib/result";
import { useLatestVersion } from "@/components/ui/use-latest-version";

export type RecordAction = (prev: RecordResult | null, formData: FormData) => Promise<RecordResult>;

export const control =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900 aria-[invalid=true]:border-red-700";
export const primaryButton =
  "rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButton =
  "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";

type FormCtx = { prefix: string; errors: Record<string, string[]> };
const Ctx = createContext<FormCtx>({ prefix: "f", errors: {} });

/**
 * The action's state, a submit handler, the version to send, and the conflict choices ("use saved" /
 * "keep mine"). `resetOnSuccess`: a form that adds records (empty again after each); otherwise it
 * edits one, whose `version` the page gave.
 */
export function useRecordForm(action: RecordAction, { resetOnSuccess = false, version: pageVersion = 0 } = {}) {
  const [state, formAction, pending] = useActionState(retryable(action), null);
  const formRef = useRef<HTMLFormElement>(null);
  const [dismissed, setDismissed] = useState<RecordResult | null>(null);
  const router = useRouter();
  const shown = state && state !== dismissed ? state : null;

  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  const send = (fd: FormData) => startTransition(() => formAction(fd));
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    send(new FormData(e.currentTarget));
  };
  // an edit form saving its record again before the page's refresh has arrived: the first save's
  // answer knows the version it wrote, so the person's own save is not taken for someone else's
  const version = useLatestVersion(pageVersion, !resetOnSuccess && state?.ok ? state.data?.version : null);
  /** Save the typed values over the ones saved meanwhile: the person chose it, having seen both. */
  const keepMine = (version: number) => {
    if (!formRef.current) return;
    const fd = new FormData(formRef.current);
    fd.set("version", String(version));
    send(fd);
  };
  /** Drop the typed values and show the saved ones (the fields remount with the new version). */
  const takeSaved = () => {
    setDismissed(state);
    formRef.current?.reset();
    router.refresh();
  };
  return { formRef, onSubmit, version, status: { state: shown, pending, keepMine, takeSaved } };
}

/** Gives the fields inside their ids and errors. */
export function FormFields({ errors, children }: { errors?: Record<string, string[]>; children: ReactNode }) {
  const prefix = useId();
  return <Ctx.Provider value={{ prefix, errors: errors ?? {} }}>{children}</Ctx.Provider>;
}

function useField(name: string) {
  const { prefix, errors } = useContext(Ctx);
  const id = `${prefix}-${name}`;
  const messages = errors[name] ?? [];
  return { id, errorId: `${id}-error`, messages };
}

function FieldError({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={id} className="mt-1 block text-xs text-red-800">
      {messages.join(" ")}
    </span>
  );
}

type TextProps = {
  name: string;
  label: string;
  defaultValue?: string | number | null;
  hint?: string;
  required?: boolean;
  inputMode?: "numeric" | "decimal" | "text";
  className?: string;
};

export function TextField({ name, label, defaultValue, hint, required, inputMode, className = "" }: TextProps) {
  const { id, errorId, messages } = useField(name);
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        required={required}
        inputMode={inputMode}
        autoComplete="off"
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={[hintId, messages.length ? errorId : null].filter(Boolean).join(" ") || undefined}
        className={control}
      />
      {hint && (
        <span id={hintId} className="mt-0.5 block text-xs text-slate-600">
          {hint}
        </span>
      )}
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

export function TextArea({
  name,
  label,
  defaultValue,
  className = "",
}: {
  name: string;
  label: string;
  defaultValue?: string | null;
  className?: string;
}) {
  const { id, errorId, messages } = useField(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        rows={2}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length ? errorId : undefined}
        className={control}
      />
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  defaultValue,
  options,
  empty,
  className = "",
}: {
  name: string;
  label: string;
  defaultValue?: string | number | null;
  options: { value: string; label: string }[];
  /** label of the "nothing chosen" option; none when a choice is required */
  empty?: string;
  className?: string;
}) {
  const { id, errorId, messages } = useField(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue === null || defaultValue === undefined ? "" : String(defaultValue)}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length ? errorId : undefined}
        className={control}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

/** The answer of the last save: success (polite), refusal (alert), and on a conflict both versions and the choice. */
export type FormStatusProps = ReturnType<typeof useRecordForm>["status"];

export function FormStatus({ status }: { status: FormStatusProps }) {
  const { state, pending, keepMine, takeSaved } = status;
  const saved = state?.code === "conflict" ? state.data?.saved : undefined;
  return (
    <div aria-live="polite" className="space-y-2">
      {pending && <p className="text-sm text-slate-600">Đang lưu…</p>}
      {state?.ok && (
        <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-900">
          {state.message}
        </p>
      )}
      {state && !state.ok && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          <p>{state.message}</p>
          {saved && (
            <div className="mt-2 space-y-2">
              <p className="font-medium">Số liệu đang được lưu (phiên bản {saved.version}):</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-slate-900">
                {saved.fields.map((f) => (
                  <div key={f.field} className="contents">
                    <dt className="text-slate-700">{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
              <div className="flex flex-wrap gap-2">
                <button type="button" className={secondaryButton} onClick={takeSaved}>
                  Dùng số liệu đã lưu
                </button>
                <button type="button" className={primaryButton} onClick={() => keepMine(saved.version)}>
                  Giữ số liệu của tôi và lưu đè
                </button>
              </div>
            </div>
          )}
          {state.code === "conflict" && !saved && (
            <button type="button" className={`${secondaryButton} mt-2`} onClick={takeSaved}>
              Tải lại số liệu đã lưu
            </button>
          )}
        </div>
      )}
    </div>
  );
}
