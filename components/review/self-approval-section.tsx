import type { SelfApprovalSetting } from "@/lib/data/review-settings";
import { SelfApprovalForm } from "./self-approval-form";

/** The four-eyes rule that applies to a district's wards, and its form for those who may set it. */
export function SelfApprovalSection({
  unit,
  setting,
  canManage,
}: {
  unit: string;
  setting: SelfApprovalSetting;
  canManage: boolean;
}) {
  return (
    <section aria-labelledby="quy-dinh-duyet" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="quy-dinh-duyet" className="text-lg font-semibold">
        Người duyệt
      </h2>
      <p data-testid="self-approval">
        {setting.effective
          ? "Người đã gửi duyệt số liệu của phường được phép tự duyệt."
          : "Người đã gửi duyệt số liệu của phường không được tự duyệt: người duyệt phải là một thành viên khác của Đảng ủy phường."}
        {setting.own === null && (
          <span className="text-slate-600">
            {" "}
            ({setting.fromName ? `theo quy định của ${setting.fromName}` : "mặc định"})
          </span>
        )}
      </p>
      {canManage && <SelfApprovalForm key={`${unit}-${String(setting.own)}`} unit={unit} own={setting.own} />}
    </section>
  );
}
