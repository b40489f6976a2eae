"""The fixed words of a brief, in English and Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass, field

from app import value_labels as vl


@dataclass(frozen=True)
class Labels:
    lang: str
    confidential: str
    generated: str  # "%s" = date and time
    page_of: str  # "%d", "%d"
    month_abbr: tuple[str, ...]
    words: dict[str, str] = field(default_factory=dict)
    secret: bool = False  # the header's mark is a confidential meeting's (red), not the usual one
    # the confidential records the brief names in passing, as (kind, name printed): each name
    # printed with its mark (data.Secret, sections.named)
    named: frozenset[tuple[str, str]] = frozenset()

    def __getitem__(self, key: str) -> str:
        return self.words.get(key, key)

    # A record's kind, an attendee's role, an action's status: the window's words, from the one
    # table the export and the import use too (app.value_labels).
    def kind(self, value: str) -> str:
        for table in (vl.ORGANISATION_KINDS, vl.MEETING_KINDS, vl.ACTION_KINDS):
            if value in table:
                return str(vl.label_of(table, value, self.lang))
        return value.replace("_", " ")

    def number(self, value: int) -> str:
        """A count as the brief's language writes it: "18,597" / "18.597" (reviewer h103: the
        Vietnamese brief wrote "18,597 ký tự")."""
        shown = f"{value:,}"
        return shown.replace(",", ".") if self.lang == "vi" else shown

    def country(self, code: str) -> str:
        """A country code as its name in the brief's language ("VN": "Việt Nam" / "Viet Nam");
        the code when the name is not known (reviewer: "Quốc gia: VN", "Hà Nội, VN")."""
        return vl.country_name(code, self.lang)

    def role(self, value: str) -> str:
        return str(vl.label_of(vl.ROLES, value, self.lang)) if value in vl.ROLES else value.replace("_", " ")

    def status(self, value: str) -> str:
        return (
            str(vl.label_of(vl.STATUSES, value, self.lang))
            if value in vl.STATUSES
            else value.replace("_", " ")
        )


_EN = {
    "org_brief": "Organisation brief",
    "contact_brief": "Contact brief",
    "meeting_brief": "Meeting preparation brief",
    "digest": "Period digest",
    "kind": "Kind",
    "sectors": "Sectors",
    "parent": "Part of",
    "location": "Location",
    "address": "Address",
    "website": "Website",
    "owner": "Relationship owner",
    "also_known": "Also known as",
    "key_people": "Key people",
    "name": "Name",
    "position": "Position",
    "reach": "How to reach",
    "last_met": "Last met",
    "last_contacted": "Last contacted",
    "relationship": "Relationship at a glance",
    "first_meeting": "First meeting",
    "last_meeting": "Last meeting",
    "meetings_12m": "Meetings, last 12 months",
    "meetings_total": "Meetings in all",
    "per_month": "Meetings per month",
    "recent_meetings": "Recent meetings and decisions",
    "upcoming": "Upcoming meetings",
    "upcoming_more": "… and %d more planned after these: Ketnoi lists them all.",
    "date": "Date",
    "meeting": "Meeting",
    "with": "With",
    "decisions": "Decisions",
    "minutes": "Minutes",
    "commitments": "Open commitments",
    "we_owe": "We owe",
    "they_owe": "They owe",
    "what": "Commitment",
    "due": "Due",
    "responsible": "Responsible",
    "status": "Status",
    "overdue": "OVERDUE",
    "none": "None.",
    "nothing_open": "Nothing open in either direction.",
    "in_full": "Full text after the table.",
    "continues": "… %1 more characters in Ketnoi.",
    "notes": "Notes",
    "files": "Attached files",
    "file": "File",
    "size": "Size",
    "organisation": "Organisation",
    "email": "Email",
    "phone": "Phone",
    "country": "Country",
    "source": "Source",
    "role_history": "Role history",
    "changed": "Changed",
    "from": "From",
    "to": "To",
    "not_recorded": "(none recorded)",
    "field": "Detail",
    "field.position": "Position",
    "field.organisation": "Organisation",
    "colleagues": "Colleagues at the same organisation",
    "when": "When",
    "where": "Where",
    "organisations": "Organisations",
    "our_team": "Our team",
    "agenda": "Agenda",
    "attendees": "Attendees",
    "role": "Role",
    "previous": "Previous meetings with these people",
    "secret_mark": "CONFIDENTIAL",
    "secret_header": "CONFIDENTIAL MEETING — DO NOT CIRCULATE",
    "secret_note": "A confidential meeting: give this brief only to those who may see the meeting in Ketnoi.",
    "secret_item": "Confidential",
    "secret_some_header": "CONFIDENTIAL — DO NOT CIRCULATE",
    "secret_org_note": "A confidential organisation: give this brief only to those who may see it in Ketnoi.",
    "secret_contact_note": "A confidential contact: give this brief only to those who may see them in Ketnoi.",
    "secret_items_note": "Holds confidential records (%1), each marked “Confidential” where it appears: "
    "give this brief only to those who may see them in Ketnoi.",
    "secret_items_also": "It also holds confidential records (%1), each marked “Confidential” where it appears.",
    "secret_map": "Confidential organisations on the map: %1.",
    "left_out": "Confidential records were left out of this brief.",
    "your_notes": "Notes",
    "period": "Period",
    "meetings_held": "Meetings",
    "new_contacts": "New contacts",
    "completed": "Actions completed",
    "overdue_by_person": "Overdue actions by responsible person",
    "stakeholder_map": "Stakeholder map (influence × interest)",
    "completed_on": "Completed",
    "added": "Added",
    "unassigned": "Unassigned",
    "name_continued": "%1 (continued)",  # the person of a group of rows, again on the next page
    "count": "Count",
    "days_late": "Working days late",
    "under_one": "< 1",  # overdue, though no working day has passed since (due before a weekend)
    "overdue_on": "Overdue on %1",
    "overdue_at_end": "As on %1, the last day of the period: due before that day and not done by "
    "then; working days late counted up to it.",
    "overdue_today": "As on %1, today (the period has not ended): due before today and not done.",
    "influence": "Influence",
    "interest": "Interest",
    "q.manage": "Manage closely",
    "q.satisfied": "Keep satisfied",
    "q.informed": "Keep informed",
    "q.monitor": "Monitor",
    "met_in_period": "met in this period",
    "not_met": "not met",
    "planned": "planned",
    "no_scores": "No organisation has influence and interest scores yet.",
    "no_meetings_org": "No meeting with this organisation is recorded yet.",
    "no_meetings_contact": "No meeting with this person is recorded yet.",
    "people_last_met": "Its people were last met or contacted on %s (%s).",
    "no_held_org": "No meeting with this organisation has taken place yet.",  # (one is to come)
    "no_held_contact": "No meeting with this person has taken place yet.",
    "no_decisions": "No decisions or minutes are recorded for these meetings.",
    "from_minutes": "From the minutes",
    "more_people": "… and %d more: the organisation's page in Ketnoi lists them all, under People.",
    "department": "Department",
}

_VI = {
    "org_brief": "Tóm tắt về tổ chức",
    "contact_brief": "Tóm tắt về người liên hệ",
    "meeting_brief": "Tài liệu chuẩn bị cuộc họp",
    "digest": "Báo cáo tổng hợp theo kỳ",
    "kind": "Loại hình",
    "sectors": "Lĩnh vực",
    "parent": "Trực thuộc",
    "location": "Địa điểm",
    "address": "Địa chỉ",
    "website": "Trang web",
    "owner": "Cán bộ phụ trách",
    "also_known": "Tên gọi khác",
    "key_people": "Nhân sự chủ chốt",
    "name": "Họ và tên",
    "position": "Chức vụ",
    "reach": "Liên hệ",
    "last_met": "Gặp gần nhất",
    "last_contacted": "Liên hệ gần nhất",
    "relationship": "Tổng quan quan hệ",
    "first_meeting": "Lần gặp đầu tiên",
    "last_meeting": "Lần gặp gần nhất",
    "meetings_12m": "Số cuộc họp 12 tháng qua",
    "meetings_total": "Tổng số cuộc họp",
    "per_month": "Số cuộc họp theo tháng",
    "recent_meetings": "Các cuộc họp gần đây và kết luận",
    "upcoming": "Cuộc họp sắp tới",
    "upcoming_more": "… và %d cuộc họp khác đã lên lịch sau các cuộc họp này: xem đầy đủ trong Ketnoi.",
    "date": "Ngày",
    "meeting": "Cuộc họp",
    "with": "Với",
    "decisions": "Kết luận",
    "minutes": "Biên bản",
    "commitments": "Cam kết đang mở",
    "we_owe": "Bên ta cần làm",
    "they_owe": "Đối tác cần làm",
    "what": "Nội dung",
    "due": "Hạn",
    "responsible": "Người thực hiện",
    "status": "Trạng thái",
    "overdue": "QUÁ HẠN",
    "none": "Không có.",
    "nothing_open": "Không còn việc đang mở ở cả hai bên.",
    "in_full": "Toàn văn ở dưới bảng.",
    "continues": "… còn %1 ký tự nữa trong Ketnoi.",
    "notes": "Ghi chú",
    "files": "Tệp đính kèm",
    "file": "Tệp",
    "size": "Dung lượng",
    "organisation": "Tổ chức",
    "email": "Email",
    "phone": "Điện thoại",
    "country": "Quốc gia",
    "source": "Nguồn",
    "role_history": "Quá trình công tác",
    "changed": "Thời điểm",
    "from": "Trước",
    "to": "Sau",
    "not_recorded": "(chưa ghi nhận)",
    "field": "Chi tiết",
    "field.position": "Chức vụ",
    "field.organisation": "Tổ chức",
    "colleagues": "Đồng nghiệp cùng tổ chức",
    "when": "Thời gian",
    "where": "Địa điểm",
    "organisations": "Tổ chức",
    "our_team": "Thành phần phía ta",
    "agenda": "Chương trình họp",
    "attendees": "Thành phần tham dự",
    "role": "Vai trò",
    "previous": "Các cuộc họp trước với thành phần này",
    "secret_mark": "MẬT",
    "secret_header": "MẬT — KHÔNG PHỔ BIẾN",
    "secret_note": "Cuộc họp mật: chỉ đưa tài liệu này cho người được xem cuộc họp trong Ketnoi.",
    "secret_item": "Mật",
    "secret_some_header": "MẬT — KHÔNG PHỔ BIẾN",
    "secret_org_note": "Tổ chức mật: chỉ đưa tài liệu này cho người được xem tổ chức này trong Ketnoi.",
    "secret_contact_note": "Người liên hệ mật: chỉ đưa tài liệu này cho người được xem người này trong Ketnoi.",
    "secret_items_note": "Có hồ sơ mật (%1), mỗi hồ sơ được đánh dấu “Mật” ở nơi nó xuất hiện: "
    "chỉ đưa tài liệu này cho người được xem các hồ sơ đó trong Ketnoi.",
    "secret_items_also": "Tài liệu còn có hồ sơ mật khác (%1), mỗi hồ sơ được đánh dấu “Mật” ở nơi nó xuất hiện.",
    "secret_map": "Tổ chức mật trên sơ đồ: %1.",
    "left_out": "Các hồ sơ mật đã được lược bỏ khỏi tài liệu này.",
    "your_notes": "Ghi chú",
    "period": "Kỳ báo cáo",
    "meetings_held": "Các cuộc họp",
    "new_contacts": "Đầu mối mới",
    "completed": "Việc đã hoàn thành",
    "overdue_by_person": "Việc quá hạn theo người thực hiện",
    "stakeholder_map": "Bản đồ các bên liên quan (ảnh hưởng × quan tâm)",
    "completed_on": "Hoàn thành",
    "added": "Ngày thêm",
    "unassigned": "Chưa phân công",
    "name_continued": "%1 (tiếp theo)",
    "count": "Số việc",
    "days_late": "Số ngày làm việc trễ",
    "under_one": "< 1",
    "overdue_on": "Quá hạn tính đến %1",
    "overdue_at_end": "Tính đến ngày %1, ngày cuối kỳ: các việc có hạn trước ngày đó mà đến hết "
    "ngày đó chưa xong; số ngày làm việc trễ tính đến ngày đó.",
    "overdue_today": "Tính đến hôm nay, %1 (kỳ báo cáo chưa kết thúc): các việc có hạn trước hôm nay "
    "mà chưa xong.",
    "influence": "Mức ảnh hưởng",
    "interest": "Mức quan tâm",
    "q.manage": "Quản lý chặt chẽ",
    "q.satisfied": "Giữ hài lòng",
    "q.informed": "Thông tin thường xuyên",
    "q.monitor": "Theo dõi",
    "met_in_period": "đã gặp trong kỳ",
    "not_met": "chưa gặp",
    "planned": "dự kiến",
    "no_scores": "Chưa có tổ chức nào được chấm điểm ảnh hưởng và quan tâm.",
    "no_meetings_org": "Chưa ghi nhận cuộc họp nào với tổ chức này.",
    "no_meetings_contact": "Chưa ghi nhận cuộc họp nào với người này.",
    "people_last_met": "Lần gặp hoặc liên hệ gần nhất với người của tổ chức: %s (%s).",
    "no_held_org": "Chưa diễn ra cuộc họp nào với tổ chức này.",
    "no_held_contact": "Chưa diễn ra cuộc họp nào với người này.",
    "no_decisions": "Các cuộc họp này chưa ghi kết luận hay biên bản.",
    "from_minutes": "Theo biên bản",
    "more_people": "… và %d người khác: xem đầy đủ ở mục Nhân sự trên trang của tổ chức trong Ketnoi.",
    "department": "Đơn vị",
}

LABELS = {
    "en": Labels(
        lang="en",
        confidential="INTERNAL — NOT FOR CIRCULATION",
        generated="Generated %s by Ketnoi",
        page_of="Page %d of %d",
        month_abbr=tuple("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()),
        words=_EN,
    ),
    "vi": Labels(
        lang="vi",
        confidential="TÀI LIỆU NỘI BỘ — KHÔNG PHỔ BIẾN",
        generated="Lập ngày %s bằng Ketnoi",
        page_of="Trang %d/%d",
        month_abbr=tuple(f"T{i}" for i in range(1, 13)),
        words=_VI,
    ),
}


def labels(lang: str = "en") -> Labels:
    if lang not in LABELS:
        raise ValueError(f"Unknown language {lang!r}; use en or vi")
    return LABELS[lang]
