// Vietnamese labels of the fields of land-clearance projects, their progress and achievements, and
// a record's values as a person reads them (the conflict screen shows what was saved meanwhile).
import { ACHIEVEMENT_STATUS_LABEL, LEVEL_LABEL, PROJECT_STATUS_LABEL } from "./labels";
import { formatMoney, formatNumber } from "./vi";

export const ACHIEVEMENT_KIND_LABEL = {
  E_GOVERNMENT: "Mô hình cơ quan điện tử",
  CIVILISED_MARKET: "Chợ văn minh thương mại",
  GREEN_CLEAN_BEAUTIFUL: "Xanh – Sạch – Đẹp",
  CIVILISED_STREET: "Tuyến phố văn minh đô thị",
  OTHER: "Khác",
} as const;

export const RECORD_FIELD_LABEL: Record<string, string> = {
  name: "Tên dự án",
  startYear: "Năm bắt đầu",
  endYear: "Năm kết thúc",
  status: "Tình trạng",
  householdsAffected: "Số hộ bị ảnh hưởng",
  areaM2: "Diện tích (m²)",
  compensationDong: "Bồi thường, hỗ trợ (đ)",
  forcedEnforcements: "Số trường hợp cưỡng chế",
  note: "Ghi chú",
  year: "Năm",
  householdsHandedOver: "Số hộ đã bàn giao",
  kind: "Loại",
  title: "Tên danh hiệu, mô hình",
  subject: "Tổ dân phố",
  recognitionLevel: "Cấp công nhận",
  programme: "Chương trình",
};

type Value = string | number | boolean | null;

const ENUM_LABELS: Record<string, Record<string, string>> = {
  status: { ...PROJECT_STATUS_LABEL, ...ACHIEVEMENT_STATUS_LABEL },
  kind: ACHIEVEMENT_KIND_LABEL,
  recognitionLevel: LEVEL_LABEL,
};

/** One field's value as shown: numbers grouped the Vietnamese way, money in đ, enums by their label. */
export function describeValue(field: string, value: Value): string {
  if (value === null || value === "") return "—";
  if (field === "startYear" || field === "endYear" || field === "year") return String(value);
  if (field === "compensationDong") return formatMoney(String(value));
  if (typeof value === "number" || field === "areaM2") return formatNumber(String(value));
  return ENUM_LABELS[field]?.[String(value)] ?? String(value);
}

/** Every field of a record, labelled, in its own order. */
export function describeRecord(values: Record<string, Value>): { field: string; label: string; value: string }[] {
  return Object.entries(values).map(([field, v]) => ({
    field,
    label: RECORD_FIELD_LABEL[field] ?? field,
    value: describeValue(field, v),
  }));
}
