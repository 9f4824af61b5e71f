import type {
  AchievementKind,
  AchievementStatus,
  OrgLevel,
  ProjectStatus,
  Qualifier,
} from "../../lib/generated/prisma/enums";

// Every figure of "Kết quả nổi bật trong thực hiện 3 Chương trình công tác toàn khóa của Quận ủy
// trên địa bàn phường Ngọc Thụy" (Đảng ủy phường Ngọc Thụy, posted 05/11/2019), kept as the
// report gives it: five-year figures are TERM values, never split into years; "trên" is kept as
// the MORE_THAN qualifier. The text itself is in ./source/ for reference and for the test that
// checks every number of it has a place in the database.

export const REPORT_SOURCE = {
  key: "bc-dang-uy-ngoc-thuy-2019-11-05",
  kind: "REPORT" as const,
  title: "Báo cáo của Đảng ủy phường Ngọc Thụy",
  issuedOn: "2019-11-05",
  publisher: "Đảng ủy phường Ngọc Thụy",
  note: "“Kết quả nổi bật trong thực hiện 3 Chương trình công tác toàn khóa của Quận ủy trên địa bàn phường Ngọc Thụy”, đăng ngày 05/11/2019 lúc 14:04 (lượt xem khi sao lưu: 700). Số liệu tổng hợp 5 năm tính đến ngày báo cáo.",
};

export const REPORT_WARD = "ngoc-thuy";

export type ReportedValue = {
  indicator: string; // indicator code
  orgUnit?: string; // defaults to the ward
  year?: number; // omitted: the whole term
  value: string; // exact decimal, as digits
  qualifier?: Qualifier;
  /** The words of the report the figure comes from. */
  quote: string;
  note?: string;
};

export const REPORTED_VALUES: ReportedValue[] = [
  // Chương trình 01-CT/QU
  {
    indicator: "toa-dam-sinh-hoat-chi-bo",
    value: "100",
    quote: "Chỉ đạo 100% chi bộ tổ chức tọa đàm về: “Nâng cao chất lượng sinh hoạt chi bộ”",
  },
  { indicator: "ktgs-chuyen-de-chi-bo", value: "161", quote: "kiểm tra, giám sát chuyên đề 161 lượt chi bộ" },
  { indicator: "ktgs-chuyen-de-dang-vien", value: "84", quote: "84 lượt đảng viên thuộc diện Đảng ủy phường quản lý" },
  { indicator: "kt-dau-hieu-vi-pham-chi-bo", value: "4", quote: "kiểm tra khi có dấu hiệu vi phạm đối với 04 chi bộ" },
  { indicator: "kt-dau-hieu-vi-pham-dang-vien", value: "5", quote: "và 5 đảng viên" },
  { indicator: "tdp-co-to-dan-van", value: "38", quote: "Hoạt động của tổ dân vận ở 38 tổ dân phố" },
  {
    indicator: "ket-nap-dang-vien-vuot-chi-tieu",
    value: "1",
    quote: "tỷ lệ kết nạp đảng viên mới vượt chỉ tiêu kế hoạch trên giao",
    note: "Báo cáo không nêu số đảng viên kết nạp.",
  },

  // Chương trình 02
  { indicator: "ho-so-dung-han", value: "100", quote: "100% hồ sơ đơn thư được giải quyết trước và trong hạn" },
  { indicator: "ho-so-cham-muon", value: "0", quote: "không có hồ sơ chậm muộn" },
  { indicator: "tu-kiem-tra-cong-vu", value: "15", quote: "Phường thực hiện tự kiểm tra 15 cuộc" },
  { indicator: "kiem-tra-dot-xuat", value: "6", quote: "kiểm tra đột xuất 6 đợt về thực thi công vụ" },
  {
    indicator: "khen-thuong-cbcc",
    value: "60",
    quote: "biểu dương khen thưởng 60 lượt CBCC hoàn thành xuất sắc nhiệm vụ",
  },
  { indicator: "tien-khen-thuong", value: "18000000", quote: "với số tiền 18.000.000đ" },
  { indicator: "can-bo-tin-hoc-co-ban", value: "100", quote: "100% đội ngũ cán bộ phường có trình độ tin học cơ bản" },
  {
    indicator: "cbcc-chuan-cntt",
    value: "100",
    quote: "100 % cán bộ công chức khối chính quyền được đào tạo đạt chuẩn kỹ năng CNTT",
  },
  {
    indicator: "co-quan-dien-tu",
    year: 2015,
    value: "1",
    quote: "phường 3 năm đạt mô hình cơ quan điện tử là 2015,2017,2018",
  },
  {
    indicator: "co-quan-dien-tu",
    year: 2017,
    value: "1",
    quote: "phường 3 năm đạt mô hình cơ quan điện tử là 2015,2017,2018",
  },
  {
    indicator: "co-quan-dien-tu",
    year: 2018,
    value: "1",
    quote: "phường 3 năm đạt mô hình cơ quan điện tử là 2015,2017,2018",
  },
  {
    indicator: "co-quan-dien-tu",
    value: "3",
    quote: "phường 3 năm đạt mô hình cơ quan điện tử",
    note: "Các năm 2015, 2017, 2018.",
  },
  {
    indicator: "ap-dung-iso",
    value: "1",
    quote:
      "Việc duy trì áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn ISO hàng năm đều được xây dựng kế hoạch thực hiện",
  },

  // Chương trình 03-CTr/QU
  {
    indicator: "ty-le-gia-dinh-van-hoa",
    value: "90",
    qualifier: "MORE_THAN",
    quote: "tỷ lệ gia đình đạt tiêu chuẩn Gia đình văn hóa bình quân đạt trên 90%",
  },
  {
    indicator: "ty-le-tdp-van-hoa",
    value: "73",
    qualifier: "MORE_THAN",
    quote: "tỷ lệ tổ dân phố đạt Tổ dân phố văn hóa trên 73%",
  },
  {
    indicator: "tdp-xanh-sach-dep",
    orgUnit: "ngoc-thuy-to-22",
    year: 2018,
    value: "1",
    quote: "Năm 2018 … có Tổ dân phố 22 đạt Tổ dân phố Xanh – Sạch – Đẹp cấp Quận",
    note: "Công nhận cấp Quận.",
  },
  {
    indicator: "bo-quy-tac-ung-xu",
    value: "2",
    quote: "Việc triển khai thực hiện 02 Bộ Quy tắc ứng xử do Thành phố ban hành",
  },
  {
    indicator: "hoi-vien-clb-moi-truong",
    value: "500",
    qualifier: "MORE_THAN",
    quote: "thành lập Câu lạc bộ tình nguyện vì môi trường và sức khỏe cộng đồng với trên 500 hội viên",
    note: "Câu lạc bộ thành lập khi triển khai chủ đề năm 2018, 2019.",
  },
  {
    indicator: "cam-ket-ho-kinh-doanh",
    value: "500",
    qualifier: "MORE_THAN",
    quote: "ký cam kết với trên 500 lượt hộ kinh doanh có nhà mặt đường",
  },
  {
    indicator: "to-roi-tuyen-truyen",
    value: "300",
    qualifier: "MORE_THAN",
    quote: "Phát trên 300 tờ rơi tuyên truyền",
  },
  { indicator: "ra-quan-xu-ly", value: "190", quote: "Tổ chức 190 đợt ra quân xử lý" },
  { indicator: "bien-ban-nhac-nho", value: "160", quote: "lập biên bản nhắc nhở 160 trường hợp" },
  { indicator: "vp-bien-quang-cao", value: "176", quote: "xử lý 176 trường hợp vi phạm biển hiệu biển quảng cáo" },
  { indicator: "vp-mai-che", value: "71", quote: "71 mái che, mái vẩy, mái hiên di động" },
  { indicator: "vp-buc-be", value: "66", quote: "dỡ bỏ 66 bục bệ" },
  { indicator: "xu-phat-vi-pham", value: "1691", quote: "xử phạt 1.691 trường hợp vi phạm" },
  {
    indicator: "tien-xu-phat-vi-pham",
    value: "305000000",
    qualifier: "MORE_THAN",
    quote: "với số tiền trên 305.000.000đ",
  },
  { indicator: "thu-giu-rau-cu-qua", value: "860", quote: "thu giữ 860kg rau củ quả chuyển trường Hy Vọng" },
  { indicator: "cong-trinh-co-phep", value: "1947", quote: "số công trình xây dựng phát sinh có phép là 1.947" },
  { indicator: "cong-trinh-khong-phep", value: "38", quote: "có 38 công trình không phép" },
  { indicator: "ctkp-yeu-cau-cap-phep", value: "34", quote: "yêu cầu chủ đầu tư cấp bổ sung phép 34 trường hợp" },
  { indicator: "ctkp-dinh-chi", value: "4", quote: "đình chỉ tuyệt đối 4 trường hợp" },
  { indicator: "cong-trinh-sai-phep", value: "53", quote: "Có 53 công trình sai phép đã lập hồ sơ xử lý" },
  { indicator: "xu-phat-vphc-xay-dung", value: "37", quote: "Xử phạt VPHC với 37 trường hợp" },
  { indicator: "tien-xu-phat-xay-dung", value: "92500000", quote: "số tiền 92.500.000đ" },
  { indicator: "thue-xay-dung", value: "10934000000", quote: "thu thuế xây dựng hàng năm (được 10 tỷ 934 triệu đồng)" },
  {
    indicator: "hoan-thanh-chi-tieu-thue-xd",
    value: "1",
    quote: "Hoàn thành tốt chỉ tiêu về thu thuế xây dựng hàng năm",
  },
  {
    indicator: "cong-khai-gpmb",
    value: "100",
    quote: "công khai thông báo thu hồi đất, phương án dự thảo và phương án chính thức tới 100% các trường hợp",
  },
  {
    indicator: "cuong-che-gpmb",
    value: "0",
    quote: "quá trình triển khai GPMB đến nay chưa có trường hợp phải tổ chức cưỡng chế",
  },
  {
    indicator: "du-an-gpmb",
    value: "15",
    quote: "Trong 5 năm đã tổ chức triển khai công tác GPMB với 15 dự án",
    note: "Cùng hàng trăm phương án GPMB đất ở, đất nông nghiệp; chi trả hàng trăm tỷ đồng tiền đền bù, hỗ trợ (báo cáo không nêu số chính xác).",
  },
];

export type ProjectSeed = {
  programme: string; // programme code
  name: string;
  status: ProjectStatus;
  forcedEnforcements: number | null;
  note: string;
};

const NO_ENFORCEMENT =
  "Báo cáo: đến nay chưa có trường hợp phải tổ chức cưỡng chế. Số hộ, diện tích, tiền bồi thường: báo cáo không nêu.";

/** The projects the report names among its 15 (the others are not named). */
export const REPORTED_PROJECTS: ProjectSeed[] = [
  {
    programme: "03-CTr/QU",
    name: "Đường 25m trường Pháp",
    status: "UNKNOWN",
    forcedEnforcements: 0,
    note: NO_ENFORCEMENT,
  },
  {
    programme: "03-CTr/QU",
    name: "Đường 40m Ngọc Thụy – Ngọc Lâm",
    status: "UNKNOWN",
    forcedEnforcements: 0,
    note: NO_ENFORCEMENT,
  },
  {
    programme: "03-CTr/QU",
    name: "Đường 40m theo hình thức BT và các ô đất đối ứng hai bên đường",
    status: "UNKNOWN",
    forcedEnforcements: 0,
    note: NO_ENFORCEMENT,
  },
];

export type AchievementSeed = {
  programme: string; // programme code
  kind: AchievementKind;
  status: AchievementStatus;
  year: number | null;
  title: string;
  subject?: string; // residential-group slug
  recognitionLevel?: OrgLevel;
  note?: string;
};

export const REPORTED_ACHIEVEMENTS: AchievementSeed[] = [
  {
    programme: "02-CTr/QU",
    kind: "E_GOVERNMENT",
    status: "ACHIEVED",
    year: 2015,
    title: "Đạt mô hình cơ quan điện tử",
  },
  {
    programme: "02-CTr/QU",
    kind: "E_GOVERNMENT",
    status: "ACHIEVED",
    year: 2017,
    title: "Đạt mô hình cơ quan điện tử",
  },
  {
    programme: "02-CTr/QU",
    kind: "E_GOVERNMENT",
    status: "ACHIEVED",
    year: 2018,
    title: "Đạt mô hình cơ quan điện tử",
  },
  {
    programme: "03-CTr/QU",
    kind: "CIVILISED_MARKET",
    status: "ACHIEVED",
    year: 2017,
    title: "Chợ Tổ 25 được công nhận chợ văn minh thương mại",
    subject: "ngoc-thuy-to-25",
  },
  {
    programme: "03-CTr/QU",
    kind: "GREEN_CLEAN_BEAUTIFUL",
    status: "ACHIEVED",
    year: 2018,
    title: "Tổ dân phố 22 đạt Tổ dân phố Xanh – Sạch – Đẹp cấp Quận",
    subject: "ngoc-thuy-to-22",
    recognitionLevel: "DISTRICT",
    note: "Năm triển khai chủ đề “Vì một Long Biên Xanh - Sạch - Đẹp”.",
  },
  {
    programme: "03-CTr/QU",
    kind: "CIVILISED_STREET",
    status: "REGISTERED",
    year: null,
    title: "Tuyến đường Hành lang đê: triển khai tiêu chí tuyến phố văn minh đô thị cấp Phường",
    recognitionLevel: "WARD",
  },
  {
    programme: "03-CTr/QU",
    kind: "CIVILISED_STREET",
    status: "REGISTERED",
    year: 2020,
    title: "Đường 25m: đăng ký tuyến đường văn minh đô thị cấp Quận",
    recognitionLevel: "DISTRICT",
    note: "Phấn đấu đạt vào tháng 5/2020.",
  },
];
