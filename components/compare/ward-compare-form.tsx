import type { WardComparison } from "@/lib/data/compare";
import { LEVEL_NOUN } from "@/lib/format/compare";
import { Field, SelectionForm, selectClass, PeriodField } from "./form-fields";
import { UnitCombobox } from "./unit-combobox";

/** Choice of the unit (among its siblings), the programme and the period. */
export function WardCompareForm({ data, termSlug }: { data: WardComparison; termSlug?: string }) {
  const { unit, parent, programmes, programme, period, years, term } = data;
  const periodValue = period.kind === "TERM" ? "term" : String(period.year);
  const noun = LEVEL_NOUN[unit.level];
  return (
    <SelectionForm
      id="chon-so-sanh-phuong"
      action="/so-sanh/phuong"
      label={`Chọn ${noun}, chương trình và kỳ`}
      stateKey={[unit.slug, programme.slug, periodValue, termSlug ?? ""].join("|")}
    >
      <Field label={`${noun.charAt(0).toUpperCase() + noun.slice(1)} (thuộc ${parent.name})`} htmlFor="cmpw-ward">
        <UnitCombobox
          id="cmpw-ward"
          name="ward"
          parentSlug={parent.slug}
          value={{ slug: unit.slug, name: unit.name }}
          placeholder={`Gõ tên ${noun} để tìm`}
        />
      </Field>
      <Field label="Chương trình" htmlFor="cmpw-programme" wide>
        <select id="cmpw-programme" name="programme" defaultValue={programme.slug} className={selectClass}>
          {programmes.map((p) => (
            <option key={p.slug} value={p.slug}>
              Chương trình {p.code}
            </option>
          ))}
        </select>
      </Field>
      <PeriodField id="cmpw-period" value={periodValue} term={term} years={years} />
      {termSlug && <input type="hidden" name="term" value={termSlug} />}
    </SelectionForm>
  );
}
