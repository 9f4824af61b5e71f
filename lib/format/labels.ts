// Vietnamese labels of the model's enumerations.

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
