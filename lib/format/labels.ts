// Vietnamese labels of the model's enumerations.
import type { MailKind } from "@/lib/generated/prisma/enums";

export const PROJECT_STATUS_LABEL = {
  PLANNED: "Chuẩn bị",
  IN_PROGRESS: "Đang triển khai",
  COMPLETED: "Hoàn thành",
  UNKNOWN: "Nguồn không nêu",
} as const;

export const ACHIEVEMENT_STATUS_LABEL = {
  ACHIEVED: "Đạt",
  REGISTERED: "Đăng ký, phấn đấu",
} as const;

export const LEVEL_LABEL = {
  CITY: "Thành phố",
  DISTRICT: "Quận",
  WARD: "Phường",
  RESIDENTIAL_GROUP: "Tổ dân phố",
} as const;

/** Names of the category dimensions that indicators are tagged with, and of their values. */
export const CATEGORY_KEY_LABEL: Record<string, string> = {
  doi_tuong: "Đối tượng",
  hinh_thuc: "Hình thức",
  loai_vi_pham: "Loại vi phạm",
  giay_phep: "Giấy phép xây dựng",
  xu_ly: "Cách xử lý",
};

export const CATEGORY_VALUE_LABEL: Record<string, string> = {
  chi_bo: "Chi bộ",
  dang_vien: "Đảng viên",
  chuyen_de: "Chuyên đề",
  dau_hieu_vi_pham: "Khi có dấu hiệu vi phạm",
  bien_hieu_quang_cao: "Biển hiệu, biển quảng cáo",
  mai_che: "Mái che, mái vẩy, mái hiên di động",
  buc_be: "Bục bệ",
  khac: "Khác",
  co_phep: "Có phép",
  khong_phep: "Không phép",
  sai_phep: "Sai phép",
  cap_bo_sung_phep: "Yêu cầu cấp bổ sung phép",
  dinh_chi: "Đình chỉ",
};

export const categoryKeyLabel = (k: string) => CATEGORY_KEY_LABEL[k] ?? k;
export const categoryValueLabel = (v: string) => CATEGORY_VALUE_LABEL[v] ?? v;

/** The indicator's settings as the catalogue pages name them. */
export const VALUE_TYPE_LABEL = {
  COUNT: "Số đếm (số nguyên)",
  PERCENT: "Tỷ lệ %",
  MONEY: "Tiền (đồng)",
  DECIMAL: "Số thập phân",
  BOOLEAN: "Đạt / không đạt",
} as const;

export const AGGREGATION_LABEL = {
  SUM: "Cộng các năm",
  AVERAGE: "Trung bình các năm",
  LATEST: "Năm gần nhất",
  MAX: "Lớn nhất",
  YEARS_ACHIEVED: "Số năm đạt",
} as const;

export const DIRECTION_LABEL = {
  HIGHER_IS_BETTER: "Càng cao càng tốt",
  LOWER_IS_BETTER: "Càng thấp càng tốt",
  NEUTRAL: "Không đánh giá",
} as const;

/** The kinds of e-mail notice, as the account page offers them. */
export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  SUBMISSION_SENT: "Phường gửi số liệu chờ duyệt",
  SUBMISSION_RETURNED: "Số liệu bị trả lại",
  SUBMISSION_APPROVED: "Số liệu đã được duyệt",
  SUBMISSION_UNLOCKED: "Số liệu đã duyệt được mở khóa",
  DEADLINE_REMINDER: "Nhắc hạn nộp số liệu (trước 7 ngày, trước 1 ngày, khi quá hạn)",
  UNLOCK_REQUESTED: "Phường xin mở khóa số liệu đã duyệt (cán bộ quận, thành phố)",
  UNLOCK_REFUSED: "Yêu cầu mở khóa của tôi bị từ chối",
};
