"""Workbooks written with openpyxl for the UI tests: a title row above Vietnamese headers."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from openpyxl import Workbook

HEADERS = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thư điện tử", "SĐT", "Ghi chú"]
# NFD on purpose: typed on a Mac, stored NFC.
NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")


def contacts_workbook(path: Path, extra_rows: int = 0) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    ws.append(["DANH SÁCH ĐẠI BIỂU — Hội thảo Hòa Lạc, 26/11/2025"])
    ws.append([])
    ws.append(HEADERS)
    ws.append(
        [
            1,
            NFD_NAME,
            "Giám đốc",
            "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)",
            "Nhung@NIC.gov.vn",
            "0912 345 678",
            "Gặp ở Hòa Lạc",
        ]
    )
    ws.append([2, "Đặng Văn Hùng", "Trưởng phòng", "Genetica", "hung@genetica.vn", "+84 98 765 4321", ""])
    ws.append([3, "Lê Thu Trang", "CTO", "NIC", "trang@nic.gov.vn", "", "ghi chú"])
    ws.append(
        [4, "Nguyễn Thị Hồng Nhung", "Giám đốc", "NIC", "nhung@nic.gov.vn", "", ""]
    )  # duplicate of row 4
    # imported, with a warning: the email is not an address and is kept in the notes
    ws.append([5, "Phạm Minh Khoa", "Chuyên viên", "Genetica", "khong-co-email", "", ""])
    ws.append([6, "", "Thư ký", "Genetica", "thuky@genetica.vn", "", ""])  # error: no name
    for i in range(extra_rows):
        ws.append([7 + i, f"Trần Văn Số{i}", "Chuyên viên", "Genetica", f"so{i}@genetica.vn", "", ""])
    org = wb.create_sheet("Tổ chức")
    org.append(["Tên đơn vị", "Viết tắt", "Lĩnh vực"])
    org.append(["Trung tâm Đổi mới sáng tạo Quốc gia", "NIC", "AI"])
    wb.save(path)
    return path
