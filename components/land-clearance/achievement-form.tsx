"use client";
import { saveAchievement } from "@/lib/actions/achievements";
import type { GpmbAchievement } from "@/lib/data/land-clearance";
import { ACHIEVEMENT_STATUS_LABEL, LEVEL_LABEL } from "@/lib/format/labels";
import { ACHIEVEMENT_KIND_LABEL } from "@/lib/format/records";
import { ACHIEVEMENT_KINDS, ACHIEVEMENT_STATUSES, RECOGNITION_LEVELS } from "@/lib/validation/land-clearance";
import { FormFields, FormStatus, SelectField, TextArea, TextField, primaryButton, useRecordForm } from "./form-parts";

type Choices = {
  years: number[];
  groups: { slug: string; shortName: string }[];
  programmes: { slug: string; code: string }[];
  defaultProgramme: string | null;
};

/** Create an achievement (no `achievement`) or edit one entered in the app. */
export function AchievementForm({
  ward,
  term,
  choices,
  achievement,
}: {
  ward: string;
  term: string;
  choices: Choices;
  achievement?: GpmbAchievement;
}) {
  const { formRef, onSubmit, version, status } = useRecordForm(saveAchievement, {
    resetOnSuccess: !achievement,
    version: achievement?.version ?? 0,
  });
  const a = achievement;
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="space-y-3"
      aria-label={a ? `Sửa danh hiệu ${a.title}` : "Thêm danh hiệu, mô hình"}
      noValidate
    >
      <input type="hidden" name="ward" value={ward} />
      <input type="hidden" name="term" value={term} />
      {a && <input type="hidden" name="id" value={a.id} />}
      <input type="hidden" name="version" value={version} />
      <FormFields errors={status.state?.fieldErrors}>
        <fieldset key={a?.version ?? "new"} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="sr-only">Thông tin danh hiệu, mô hình</legend>
          <TextField
            name="title"
            label="Tên danh hiệu, mô hình"
            defaultValue={a?.title}
            required
            className="sm:col-span-2 lg:col-span-4"
          />
          <SelectField
            name="kind"
            label="Loại"
            defaultValue={a?.kind ?? "OTHER"}
            options={ACHIEVEMENT_KINDS.map((k) => ({ value: k, label: ACHIEVEMENT_KIND_LABEL[k] }))}
          />
          <SelectField
            name="status"
            label="Kết quả"
            defaultValue={a?.status ?? "ACHIEVED"}
            options={ACHIEVEMENT_STATUSES.map((s) => ({ value: s, label: ACHIEVEMENT_STATUS_LABEL[s] }))}
          />
          <SelectField
            name="year"
            label="Năm"
            defaultValue={a?.year}
            options={choices.years.map((y) => ({ value: String(y), label: String(y) }))}
            empty="Chưa rõ năm"
          />
          <SelectField
            name="recognitionLevel"
            label="Cấp công nhận"
            defaultValue={a?.recognitionLevel}
            options={RECOGNITION_LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] }))}
            empty="Không nêu"
          />
          <SelectField
            name="subject"
            label="Tổ dân phố liên quan"
            defaultValue={a?.subject?.slug}
            options={choices.groups.map((g) => ({ value: g.slug, label: g.shortName }))}
            empty="Cả phường"
            className="sm:col-span-2"
          />
          <SelectField
            name="programme"
            label="Thuộc chương trình"
            defaultValue={a ? a.programme?.slug : choices.defaultProgramme}
            options={choices.programmes.map((p) => ({ value: p.slug, label: p.code }))}
            empty="Không gắn chương trình"
            className="sm:col-span-2"
          />
          <TextArea name="note" label="Ghi chú" defaultValue={a?.note} className="sm:col-span-2 lg:col-span-4" />
        </fieldset>
      </FormFields>
      <FormStatus status={status} />
      <button type="submit" className={primaryButton} disabled={status.pending}>
        {a ? "Lưu danh hiệu, mô hình" : "Thêm danh hiệu, mô hình"}
      </button>
    </form>
  );
}
