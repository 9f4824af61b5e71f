import type { IndicatorComparison } from "@/lib/data/compare";
import { LEVEL_NOUN, PER_LABEL } from "@/lib/format/compare";
import { nameWithUnit } from "@/lib/format/vi";
import { Field, SelectionForm, selectClass, PeriodField } from "./form-fields";
import { UnitCombobox } from "./unit-combobox";

/** Choice of the unit whose children are compared, the indicator, the period and the normalisation. */
export function IndicatorCompareForm({ data, termSlug }: { data: IndicatorComparison; termSlug?: string }) {
  const { parent, parents, groups, indicator, period, years, per, sort, term, selected } = data;
  const noun = LEVEL_NOUN[data.childLevel];
  const periodValue = period.kind === "TERM" ? "term" : String(period.year);
  // the units with children (a ward's residential groups too: hundreds in a city) are searched on the
  // server; the page sends the chosen one and the first few
  const parentLabel = `${parent.name} (${parent.childCount} ${LEVEL_NOUN[data.childLevel]})`;
  const stateKey = [
    parent.slug,
    indicator.code,
    periodValue,
    per,
    sort,
    termSlug ?? "",
    selected?.unit.slug ?? "",
  ].join("|");
  return (
    <SelectionForm id="chon-so-sanh" action="/so-sanh" label="Chọn nội dung so sánh" stateKey={stateKey}>
      <Field label="Đơn vị (so sánh các đơn vị trực thuộc)" htmlFor="cmp-parent">
        <UnitCombobox
          key={`parent-${parent.slug}`}
          id="cmp-parent"
          name="parent"
          parents={{ term: termSlug, initial: parents.data, total: parents.total }}
          value={{ slug: parent.slug, name: parentLabel }}
          placeholder="Gõ tên đơn vị để tìm"
          resets={["indicator", "ward"]}
        />
      </Field>
      <Field label="Chỉ tiêu" htmlFor="cmp-indicator" long>
        <select id="cmp-indicator" name="indicator" defaultValue={indicator.code} className={selectClass}>
          {groups.map((g) => (
            <optgroup key={g.programme.slug} label={`Chương trình ${g.programme.code}`}>
              {g.indicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.parentCode ? "↳ " : ""}
                  {nameWithUnit(i)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <Field label={`Xem vị trí của ${noun}`} htmlFor="cmp-ward">
        <UnitCombobox
          key={parent.slug}
          id="cmp-ward"
          name="ward"
          parentSlug={parent.slug}
          value={selected ? { slug: selected.unit.slug, name: selected.unit.name } : null}
          placeholder={`Gõ tên ${noun} để tìm`}
          clearable
        />
      </Field>
      <PeriodField id="cmp-period" value={periodValue} term={term} years={years} />
      <Field label="Chuẩn hóa theo quy mô" htmlFor="cmp-per">
        <select id="cmp-per" name="per" defaultValue={per} className={selectClass}>
          {(["none", "capita", "household"] as const).map((p) => (
            <option key={p} value={p}>
              {PER_LABEL[p]}
            </option>
          ))}
        </select>
      </Field>
      <input type="hidden" name="sort" value={sort} />
      {termSlug && <input type="hidden" name="term" value={termSlug} />}
    </SelectionForm>
  );
}
