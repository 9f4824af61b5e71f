// Labelled inputs of the org-unit forms (ids from the form's prefix, so several forms share a page).
export function TextField({
  form,
  name,
  label,
  type = "text",
  defaultValue,
  required = true,
  hint,
  inputMode,
}: {
  form: string;
  name: string;
  label: string;
  type?: "text" | "date" | "number";
  defaultValue?: string | number;
  required?: boolean;
  hint?: string;
  inputMode?: "numeric" | "decimal";
}) {
  const id = `${form}-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        defaultValue={defaultValue}
        inputMode={inputMode}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1"
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

export function CarryRolesField({ form }: { form: string }) {
  return (
    <div className="flex items-center gap-2 sm:col-span-2">
      <input id={`${form}-carryRoles`} name="carryRoles" type="checkbox" value="on" defaultChecked />
      <label htmlFor={`${form}-carryRoles`} className="text-sm">
        Chuyển các vai trò (tài khoản) của đơn vị cũ sang đơn vị mới
      </label>
    </div>
  );
}
