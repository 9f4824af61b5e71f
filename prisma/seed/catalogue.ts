import type { Aggregation, Direction, OrgLevel, RuleKind, ValueType } from "../../lib/generated/prisma/enums";

// The programme catalogue of the 2015–2020 term of Quận ủy Long Biên, as far as the Ngọc Thụy
// report describes it. Indicator codes are stable identifiers (used in URLs and imports): never
// rename one; add a new indicator instead.

export const TERM = { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 };

export type ProgrammeSeed = {
  number: number;
  code: string;
  slug: string;
  title: string;
  summary: string;
  sections: SectionSeed[];
  /** Cross-field rules the entry form and the server check (table indicator_rule). */
  rules?: RuleSeed[];
};

/** SUM_AT_MOST: the `left` indicators together never exceed `right` (for one unit and period). */
export type RuleSeed = { code: string; kind: RuleKind; left: string[]; right: string; description: string };

export type SectionSeed = { code: string; name: string; indicators: IndicatorSeed[] };

export type IndicatorSeed = {
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  aggregation: Aggregation;
  direction: Direction;
  collectionLevel?: OrgLevel;
  wardFromGroups?: boolean;
  categories?: Record<string, string>;
  headline?: boolean;
  parent?: string;
  description?: string;
};

const count = (
  code: string,
  name: string,
  unit: string,
  direction: Direction,
  extra: Partial<IndicatorSeed> = {},
): IndicatorSeed => ({ code, name, unit, valueType: "COUNT", aggregation: "SUM", direction, ...extra });

const percent = (code: string, name: string, extra: Partial<IndicatorSeed> = {}): IndicatorSeed => ({
  code,
  name,
  unit: "%",
  valueType: "PERCENT",
  aggregation: "AVERAGE",
  direction: "HIGHER_IS_BETTER",
  ...extra,
});

const money = (
  code: string,
  name: string,
  direction: Direction,
  extra: Partial<IndicatorSeed> = {},
): IndicatorSeed => ({
  code,
  name,
  unit: "đồng",
  valueType: "MONEY",
  aggregation: "SUM",
  direction,
  ...extra,
});

const achieved = (code: string, name: string, extra: Partial<IndicatorSeed> = {}): IndicatorSeed => ({
  code,
  name,
  unit: "đạt",
  valueType: "BOOLEAN",
  aggregation: "LATEST",
  direction: "HIGHER_IS_BETTER",
  ...extra,
});

export const PROGRAMMES: ProgrammeSeed[] = [
  {
    number: 1,
    code: "01-CT/QU",
    slug: "01-CT-QU",
    title:
      "Đổi mới phương thức lãnh đạo của các cấp ủy đảng; phát huy vai trò tiền phong gương mẫu của đội ngũ cán bộ, đảng viên quận Long Biên giai đoạn 2015-2020",
    summary:
      "Đổi mới phương thức lãnh đạo; kiểm tra, giám sát chi bộ và đảng viên; đổi mới công tác dân vận, nâng cao hiệu quả hoạt động của MTTQ và các đoàn thể.",
    sections: [
      {
        code: "lanh-dao",
        name: "Đổi mới phương thức lãnh đạo",
        indicators: [
          percent("toa-dam-sinh-hoat-chi-bo", "Chi bộ tổ chức tọa đàm “Nâng cao chất lượng sinh hoạt chi bộ”", {
            aggregation: "LATEST",
            headline: true,
          }),
          achieved("ket-nap-dang-vien-vuot-chi-tieu", "Tỷ lệ kết nạp đảng viên mới vượt chỉ tiêu kế hoạch trên giao"),
        ],
      },
      {
        code: "kiem-tra-giam-sat",
        name: "Kiểm tra, giám sát",
        indicators: [
          count("ktgs-chuyen-de-chi-bo", "Kiểm tra, giám sát chuyên đề đối với chi bộ", "lượt", "HIGHER_IS_BETTER", {
            categories: { doi_tuong: "chi_bo", hinh_thuc: "chuyen_de" },
            headline: true,
          }),
          count(
            "ktgs-chuyen-de-dang-vien",
            "Kiểm tra, giám sát chuyên đề đối với đảng viên",
            "lượt",
            "HIGHER_IS_BETTER",
            {
              categories: { doi_tuong: "dang_vien", hinh_thuc: "chuyen_de" },
              headline: true,
            },
          ),
          count("kt-dau-hieu-vi-pham-chi-bo", "Kiểm tra khi có dấu hiệu vi phạm đối với chi bộ", "chi bộ", "NEUTRAL", {
            categories: { doi_tuong: "chi_bo", hinh_thuc: "dau_hieu_vi_pham" },
          }),
          count(
            "kt-dau-hieu-vi-pham-dang-vien",
            "Kiểm tra khi có dấu hiệu vi phạm đối với đảng viên",
            "đảng viên",
            "NEUTRAL",
            {
              categories: { doi_tuong: "dang_vien", hinh_thuc: "dau_hieu_vi_pham" },
            },
          ),
        ],
      },
      {
        code: "dan-van",
        name: "Công tác dân vận",
        indicators: [
          count("tdp-co-to-dan-van", "Tổ dân phố có tổ dân vận hoạt động", "tổ dân phố", "HIGHER_IS_BETTER", {
            aggregation: "LATEST",
          }),
        ],
      },
    ],
  },
  {
    number: 2,
    code: "02-CTr/QU",
    slug: "02-CTr-QU",
    title:
      "Đẩy mạnh cải cách hành chính, trọng tâm chuẩn hóa đội ngũ cán bộ, công chức, viên chức theo vị trí việc làm và hoàn thiện mô hình cơ quan điện tử phường nhiệm kỳ 2015-2020",
    summary:
      "Cải cách thủ tục hành chính, giải quyết hồ sơ đúng hạn; tự kiểm tra công vụ, kỷ luật, kỷ cương hành chính; thi đua khen thưởng; hiện đại hóa hành chính và cơ quan điện tử.",
    sections: [
      {
        code: "thu-tuc-hanh-chinh",
        name: "Cải cách thủ tục hành chính, tiếp dân và giải quyết đơn thư",
        indicators: [
          percent("ho-so-dung-han", "Hồ sơ, đơn thư được giải quyết trước và trong hạn", { headline: true }),
          count("ho-so-cham-muon", "Hồ sơ chậm muộn", "hồ sơ", "LOWER_IS_BETTER", { headline: true }),
        ],
      },
      {
        code: "ky-cuong",
        name: "Tự kiểm tra công vụ, kỷ luật, kỷ cương hành chính",
        indicators: [
          count(
            "tu-kiem-tra-cong-vu",
            "Tự kiểm tra về thực thi công vụ, kỷ cương hành chính",
            "cuộc",
            "HIGHER_IS_BETTER",
            {
              headline: true,
            },
          ),
          count(
            "kiem-tra-dot-xuat",
            "Kiểm tra đột xuất về thực thi công vụ, kỷ cương hành chính",
            "đợt",
            "HIGHER_IS_BETTER",
          ),
        ],
      },
      {
        code: "thi-dua",
        name: "Thi đua, khen thưởng",
        indicators: [
          count(
            "khen-thuong-cbcc",
            "CBCC hoàn thành xuất sắc nhiệm vụ được biểu dương, khen thưởng",
            "lượt",
            "HIGHER_IS_BETTER",
          ),
          money("tien-khen-thuong", "Tiền khen thưởng CBCC", "NEUTRAL"),
        ],
      },
      {
        code: "hien-dai-hoa",
        name: "Hiện đại hóa hành chính, cơ quan điện tử",
        indicators: [
          percent("can-bo-tin-hoc-co-ban", "Cán bộ phường có trình độ tin học cơ bản", { aggregation: "LATEST" }),
          percent("cbcc-chuan-cntt", "CBCC khối chính quyền đạt chuẩn kỹ năng CNTT của Sở Thông tin và Truyền thông", {
            aggregation: "LATEST",
          }),
          {
            code: "co-quan-dien-tu",
            name: "Đạt mô hình cơ quan điện tử",
            unit: "năm",
            valueType: "BOOLEAN",
            aggregation: "YEARS_ACHIEVED",
            direction: "HIGHER_IS_BETTER",
            headline: true,
          },
          achieved("ap-dung-iso", "Duy trì hệ thống quản lý chất lượng ISO, có kế hoạch thực hiện hằng năm"),
        ],
      },
    ],
  },
  {
    number: 3,
    code: "03-CTr/QU",
    slug: "03-CTr-QU",
    title:
      "Tập trung đầu tư, hoàn thiện hệ thống hạ tầng đô thị tạo bước đột phá về cảnh quan, môi trường gắn với xây dựng nếp sống văn minh đô thị trong các tầng lớp nhân dân",
    summary:
      "Hạ tầng đô thị, cảnh quan, môi trường; gia đình, tổ dân phố văn hóa; trật tự đô thị và trật tự xây dựng; giải phóng mặt bằng; thu thuế xây dựng.",
    sections: [
      {
        code: "nep-song-van-minh",
        name: "Nếp sống văn minh, gia đình và tổ dân phố văn hóa",
        indicators: [
          percent("ty-le-gia-dinh-van-hoa", "Gia đình đạt tiêu chuẩn Gia đình văn hóa", { headline: true }),
          percent("ty-le-tdp-van-hoa", "Tổ dân phố đạt danh hiệu Tổ dân phố văn hóa", { headline: true }),
          percent("gd-van-hoa-theo-tdp", "Gia đình đạt tiêu chuẩn Gia đình văn hóa (theo tổ dân phố)", {
            collectionLevel: "RESIDENTIAL_GROUP",
          }),
          {
            code: "tdp-van-hoa",
            name: "Đạt danh hiệu Tổ dân phố văn hóa",
            unit: "năm",
            valueType: "BOOLEAN",
            aggregation: "YEARS_ACHIEVED",
            direction: "HIGHER_IS_BETTER",
            collectionLevel: "RESIDENTIAL_GROUP",
            wardFromGroups: true,
            description:
              "Tỷ lệ Tổ dân phố đạt danh hiệu Tổ dân phố văn hóa của phường là số tổ đạt danh hiệu chia cho số tổ dân phố.",
          },
          {
            code: "tdp-xanh-sach-dep",
            name: "Đạt Tổ dân phố Xanh – Sạch – Đẹp",
            unit: "năm",
            valueType: "BOOLEAN",
            aggregation: "YEARS_ACHIEVED",
            direction: "HIGHER_IS_BETTER",
            collectionLevel: "RESIDENTIAL_GROUP",
          },
          count(
            "bo-quy-tac-ung-xu",
            "Bộ Quy tắc ứng xử của Thành phố được quán triệt, triển khai",
            "bộ",
            "HIGHER_IS_BETTER",
            {
              aggregation: "LATEST",
            },
          ),
          count(
            "hoi-vien-clb-moi-truong",
            "Hội viên Câu lạc bộ tình nguyện vì môi trường và sức khỏe cộng đồng",
            "hội viên",
            "HIGHER_IS_BETTER",
            { aggregation: "LATEST" },
          ),
        ],
      },
      {
        code: "trat-tu-do-thi",
        name: "Quản lý trật tự đô thị",
        indicators: [
          count("cam-ket-ho-kinh-doanh", "Hộ kinh doanh nhà mặt đường ký cam kết", "lượt hộ", "HIGHER_IS_BETTER"),
          count(
            "to-roi-tuyen-truyen",
            "Tờ rơi tuyên truyền, hướng dẫn lắp đặt biển hiệu, biển quảng cáo",
            "tờ",
            "HIGHER_IS_BETTER",
          ),
          count("ra-quan-xu-ly", "Đợt ra quân xử lý vi phạm trật tự đô thị", "đợt", "HIGHER_IS_BETTER", {
            headline: true,
          }),
          count("bien-ban-nhac-nho", "Trường hợp lập biên bản nhắc nhở", "trường hợp", "NEUTRAL"),
          count("vi-pham-da-xu-ly", "Vi phạm trật tự đô thị đã xử lý, theo loại", "trường hợp", "NEUTRAL", {
            description: "Tổng các loại vi phạm; báo cáo chỉ nêu số theo từng loại.",
          }),
          count("vp-bien-quang-cao", "Vi phạm biển hiệu, biển quảng cáo", "trường hợp", "NEUTRAL", {
            parent: "vi-pham-da-xu-ly",
            categories: { loai_vi_pham: "bien_hieu_quang_cao" },
          }),
          count("vp-mai-che", "Mái che, mái vẩy, mái hiên di động", "trường hợp", "NEUTRAL", {
            parent: "vi-pham-da-xu-ly",
            categories: { loai_vi_pham: "mai_che" },
          }),
          count("vp-buc-be", "Bục bệ bị dỡ bỏ", "bục bệ", "NEUTRAL", {
            parent: "vi-pham-da-xu-ly",
            categories: { loai_vi_pham: "buc_be" },
          }),
          count("vp-khac", "Vi phạm khác", "trường hợp", "NEUTRAL", {
            parent: "vi-pham-da-xu-ly",
            categories: { loai_vi_pham: "khac" },
          }),
          count("xu-phat-vi-pham", "Trường hợp vi phạm bị xử phạt", "trường hợp", "NEUTRAL", { headline: true }),
          money("tien-xu-phat-vi-pham", "Tiền xử phạt vi phạm trật tự đô thị", "NEUTRAL", { headline: true }),
          {
            code: "thu-giu-rau-cu-qua",
            name: "Rau, củ, quả thu giữ (chuyển Trường Hy Vọng)",
            unit: "kg",
            valueType: "DECIMAL",
            aggregation: "SUM",
            direction: "NEUTRAL",
          },
        ],
      },
      {
        code: "trat-tu-xay-dung",
        name: "Quản lý trật tự xây dựng, thuế xây dựng",
        indicators: [
          count("cong-trinh-co-phep", "Công trình xây dựng phát sinh có giấy phép", "công trình", "NEUTRAL", {
            categories: { giay_phep: "co_phep" },
          }),
          count("cong-trinh-khong-phep", "Công trình xây dựng không phép", "công trình", "LOWER_IS_BETTER", {
            categories: { giay_phep: "khong_phep" },
            headline: true,
          }),
          count("ctkp-yeu-cau-cap-phep", "Yêu cầu chủ đầu tư cấp bổ sung giấy phép", "trường hợp", "NEUTRAL", {
            parent: "cong-trinh-khong-phep",
            categories: { xu_ly: "cap_bo_sung_phep" },
          }),
          count("ctkp-dinh-chi", "Đình chỉ tuyệt đối", "trường hợp", "NEUTRAL", {
            parent: "cong-trinh-khong-phep",
            categories: { xu_ly: "dinh_chi" },
          }),
          count("cong-trinh-sai-phep", "Công trình sai phép đã lập hồ sơ xử lý", "công trình", "LOWER_IS_BETTER", {
            categories: { giay_phep: "sai_phep" },
            headline: true,
          }),
          count("xu-phat-vphc-xay-dung", "Xử phạt vi phạm hành chính về trật tự xây dựng", "trường hợp", "NEUTRAL"),
          money("tien-xu-phat-xay-dung", "Tiền xử phạt vi phạm hành chính về trật tự xây dựng", "NEUTRAL"),
          money("thue-xay-dung", "Thuế xây dựng thu được", "HIGHER_IS_BETTER", { headline: true }),
          achieved("hoan-thanh-chi-tieu-thue-xd", "Hoàn thành chỉ tiêu thu thuế xây dựng hằng năm"),
        ],
      },
      {
        code: "gpmb",
        name: "Giải phóng mặt bằng",
        indicators: [
          count("du-an-gpmb", "Dự án triển khai công tác giải phóng mặt bằng", "dự án", "NEUTRAL", { headline: true }),
          percent("cong-khai-gpmb", "Trường hợp được công khai hồ sơ, phương án bồi thường GPMB", {
            aggregation: "LATEST",
          }),
          count("cuong-che-gpmb", "Trường hợp phải tổ chức cưỡng chế GPMB", "trường hợp", "LOWER_IS_BETTER", {
            headline: true,
          }),
        ],
      },
    ],
    // Every declared rule must hold for every seeded ward and year (tests/unit/catalogue-rules.test.ts).
    // Not declared: "xu-phat-vi-pham" ≤ "vi-pham-da-xu-ly". The report fines 1.691 cases while the
    // kinds it handled add up to 313: fines also cover violations outside those kinds (lòng đường,
    // vỉa hè …), so fined cases may exceed the violations handled by kind.
    rules: [
      {
        code: "ctkp-xu-ly-khong-vuot-tong",
        kind: "SUM_AT_MOST",
        left: ["ctkp-yeu-cau-cap-phep", "ctkp-dinh-chi"],
        right: "cong-trinh-khong-phep",
        description:
          "Số công trình không phép được yêu cầu cấp bổ sung giấy phép cộng số bị đình chỉ tuyệt đối không vượt quá số công trình không phép.",
      },
      {
        code: "vp-theo-loai-khong-vuot-tong",
        kind: "SUM_AT_MOST",
        left: ["vp-bien-quang-cao", "vp-mai-che", "vp-buc-be", "vp-khac"],
        right: "vi-pham-da-xu-ly",
        description: "Các loại vi phạm cộng lại không vượt quá số vi phạm trật tự đô thị đã xử lý.",
      },
    ],
  },
];
