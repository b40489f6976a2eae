<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>BriefDialog</name>
        <message>
            <source>Organisation brief</source>
            <translation>Tóm tắt tổ chức</translation>
        </message>
        <message>
            <source>Contact brief</source>
            <translation>Tóm tắt liên hệ</translation>
        </message>
        <message>
            <source>Meeting preparation brief</source>
            <translation>Tài liệu chuẩn bị cuộc họp</translation>
        </message>
        <message>
            <source>Period digest</source>
            <translation>Báo cáo tổng hợp theo kỳ</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>Tuần này</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Tháng này</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Tháng trước</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>Tự chọn…</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Kỳ:</translation>
        </message>
        <message>
            <source>From – to:</source>
            <translation>Từ – đến:</translation>
        </message>
        <message>
            <source>P&amp;aper:</source>
            <translation>Khổ &amp;giấy:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Ngôn ngữ:</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Mở</translation>
        </message>
        <message>
            <source>&amp;Save as…</source>
            <translation>&amp;Lưu thành…</translation>
        </message>
        <message>
            <source>Save brief</source>
            <translation>Lưu bản tóm tắt</translation>
        </message>
        <message>
            <source>Preparing the brief…</source>
            <translation>Đang soạn bản tóm tắt…</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Đã huỷ.</translation>
        </message>
        <message numerus="yes">
            <source>Brief written: %1 (%n page(s))</source>
            <translation>
                <numerusform>Đã ghi bản tóm tắt: %1 (%n trang)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BusyStrip</name>
        <message>
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Đang huỷ…</translation>
        </message>
    </context>
    <context>
        <name>CommitPage</name>
        <message>
            <source>Importing</source>
            <translation>Đang nhập</translation>
        </message>
        <message>
            <source>All accepted rows are written in one step, or none.</source>
            <translation>Mọi dòng hợp lệ được ghi trong một lần, hoặc không dòng nào.</translation>
        </message>
        <message>
            <source>Save error report…</source>
            <translation>Lưu báo cáo lỗi…</translation>
        </message>
        <message>
            <source>&amp;Undo this import</source>
            <translation>&amp;Hoàn tác lần nhập này</translation>
        </message>
        <message>
            <source>Import &amp;another sheet…</source>
            <translation>Nhập trang tính &amp;khác…</translation>
        </message>
        <message>
            <source>Writing %1 rows…</source>
            <translation>Đang ghi %1 dòng…</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Đã nhập</translation>
        </message>
        <message>
            <source>Undo reverses exactly this import; edits made since are kept.</source>
            <translation>Hoàn tác đảo ngược đúng lần nhập này; các chỉnh sửa sau đó được giữ nguyên.</translation>
        </message>
        <message>
            <source>Import #%1 is done.</source>
            <translation>Lần nhập #%1 đã xong.</translation>
        </message>
        <message>
            <source>New records</source>
            <translation>Bản ghi mới</translation>
        </message>
        <message>
            <source>Records updated</source>
            <translation>Bản ghi được cập nhật</translation>
        </message>
        <message>
            <source>Rows skipped</source>
            <translation>Dòng bỏ qua</translation>
        </message>
        <message>
            <source>Rows not imported (errors, duplicates)</source>
            <translation>Dòng không nhập (lỗi, trùng)</translation>
        </message>
        <message>
            <source>Organisations created for the rows</source>
            <translation>Tổ chức được tạo theo các dòng</translation>
        </message>
        <message>
            <source>Staff members created</source>
            <translation>Cán bộ được tạo</translation>
        </message>
        <message>
            <source>The mapping is remembered for the next file with the same headers.</source>
            <translation>Cách ghép cột được ghi nhớ cho tệp sau có cùng tiêu đề.</translation>
        </message>
        <message>
            <source>Import #%1: %2 new, %3 updated</source>
            <translation>Lần nhập #%1: %2 mới, %3 cập nhật</translation>
        </message>
        <message>
            <source>Import cancelled</source>
            <translation>Đã huỷ nhập</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>Nhập không thành công</translation>
        </message>
        <message>
            <source>Nothing was written.</source>
            <translation>Không có gì được ghi.</translation>
        </message>
        <message>
            <source>Import undone</source>
            <translation>Đã hoàn tác lần nhập</translation>
        </message>
        <message>
            <source>Import #%1 was undone.</source>
            <translation>Lần nhập #%1 đã được hoàn tác.</translation>
        </message>
        <message>
            <source>Records removed</source>
            <translation>Bản ghi đã xoá</translation>
        </message>
        <message>
            <source>Fields restored</source>
            <translation>Trường được khôi phục</translation>
        </message>
        <message>
            <source>%1 fields were changed after the import and were kept as they are now.</source>
            <translation>%1 trường đã được sửa sau khi nhập nên được giữ như hiện tại.</translation>
        </message>
        <message>
            <source>The database is as it was before this import.</source>
            <translation>Cơ sở dữ liệu đã trở lại như trước lần nhập này.</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>Đã huỷ xuất; không có tệp nào được ghi.</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Xuất ra Excel</translation>
        </message>
        <message>
            <source>Save import template</source>
            <translation>Lưu mẫu nhập liệu</translation>
        </message>
        <message>
            <source>Exporting to %1…</source>
            <translation>Đang xuất ra %1…</translation>
        </message>
        <message>
            <source>Exported %1 records to %2</source>
            <translation>Đã xuất %1 bản ghi ra %2</translation>
        </message>
        <message>
            <source>Import template saved: %1</source>
            <translation>Đã lưu mẫu nhập liệu: %1</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <source>Choose the spreadsheet</source>
            <translation>Chọn bảng tính</translation>
        </message>
        <message>
            <source>An Excel workbook (.xlsx, .xlsm) or a CSV file: choose it or drop it here. Nothing is written until you confirm.</source>
            <translation>Sổ Excel (.xlsx, .xlsm) hoặc tệp CSV: chọn tệp hoặc kéo thả vào đây. Chưa có gì được ghi cho đến khi bạn xác nhận.</translation>
        </message>
        <message>
            <source>Choose a file…</source>
            <translation>Chọn tệp…</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Duyệt…</translation>
        </message>
        <message>
            <source>&amp;Sheets in the file:</source>
            <translation>Các &amp;trang tính trong tệp:</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Trang tính</translation>
        </message>
        <message>
            <source>Holds</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Header row</source>
            <translation>Dòng tiêu đề</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>Cột</translation>
        </message>
        <message>
            <source>Import a spreadsheet</source>
            <translation>Nhập bảng tính</translation>
        </message>
        <message>
            <source>Reading %1…</source>
            <translation>Đang đọc %1…</translation>
        </message>
        <message>
            <source>%1 of %2 recognised</source>
            <translation>nhận ra %1/%2 cột</translation>
        </message>
        <message>
            <source>imported (#%1)</source>
            <translation>đã nhập (#%1)</translation>
        </message>
        <message>
            <source>No sheet of this file can be imported (the reasons are above).</source>
            <translation>Không trang tính nào của tệp này nhập được (lý do ở trên).</translation>
        </message>
        <message>
            <source>%1 sheets: import them one at a time, organisations first.</source>
            <translation>%1 trang tính: nhập lần lượt từng trang, tổ chức trước.</translation>
        </message>
    </context>
    <context>
        <name>Import</name>
        <message>
            <source>New</source>
            <translation>Mới</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>Cập nhật</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Trùng</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Lỗi</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Dòng</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Bản ghi</translation>
        </message>
        <message>
            <source>What happens</source>
            <translation>Sẽ làm gì</translation>
        </message>
        <message>
            <source>A new contact is created</source>
            <translation>Tạo liên hệ mới</translation>
        </message>
        <message>
            <source>A new organisation is created</source>
            <translation>Tạo tổ chức mới</translation>
        </message>
        <message>
            <source>A new meeting is created</source>
            <translation>Tạo cuộc họp mới</translation>
        </message>
        <message>
            <source>A new action is created</source>
            <translation>Tạo việc mới</translation>
        </message>
        <message>
            <source>Create a new record anyway</source>
            <translation>Vẫn tạo bản ghi mới</translation>
        </message>
        <message>
            <source>Update it: fill only its empty fields</source>
            <translation>Cập nhật: chỉ điền các trường còn trống</translation>
        </message>
        <message>
            <source>Update it: overwrite its fields</source>
            <translation>Cập nhật: ghi đè các trường</translation>
        </message>
        <message>
            <source>Skip the row</source>
            <translation>Bỏ qua dòng đó</translation>
        </message>
        <message>
            <source>Save error report</source>
            <translation>Lưu báo cáo lỗi</translation>
        </message>
        <message>
            <source>Error report saved: %1 (%2 rows). Fix the rows and import that file again.</source>
            <translation>Đã lưu báo cáo lỗi: %1 (%2 dòng). Sửa các dòng đó rồi nhập lại chính tệp này.</translation>
        </message>
        <message>
            <source>Not recognised: choose on the next page</source>
            <translation>Chưa nhận ra: chọn ở trang sau</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Import a spreadsheet</source>
            <translation>Nhập bảng tính</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <source>Match the columns to fields</source>
            <translation>Ghép cột với trường dữ liệu</translation>
        </message>
        <message>
            <source>Check Ketnoi's suggestion for each column; change any that is wrong.</source>
            <translation>Kiểm tra gợi ý của Ketnoi cho từng cột; sửa cột nào chưa đúng.</translation>
        </message>
        <message>
            <source>The sheet &amp;holds:</source>
            <translation>Trang tính &amp;chứa:</translation>
        </message>
        <message>
            <source>A row that matches an &amp;existing record:</source>
            <translation>Dòng trùng với bản ghi đã &amp;có:</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Cột</translation>
        </message>
        <message>
            <source>Header in the file</source>
            <translation>Tiêu đề trong tệp</translation>
        </message>
        <message>
            <source>Sample values</source>
            <translation>Giá trị mẫu</translation>
        </message>
        <message>
            <source>Imports into</source>
            <translation>Nhập vào trường</translation>
        </message>
        <message>
            <source>Columns left “not imported” are ignored. When you import, Ketnoi remembers this mapping and offers it again for the next file with the same headers.</source>
            <translation>Cột để “không nhập” sẽ bị bỏ qua. Khi nhập, Ketnoi ghi nhớ cách ghép này và gợi ý lại cho tệp sau có cùng tiêu đề.</translation>
        </message>
        <message>
            <source>Sheet “%1”: the header is on row %2; the rows above it are skipped.</source>
            <translation>Trang tính “%1”: tiêu đề ở dòng %2; các dòng phía trên được bỏ qua.</translation>
        </message>
        <message>
            <source>Sheet “%1”: the header is on row %2.</source>
            <translation>Trang tính “%1”: tiêu đề ở dòng %2.</translation>
        </message>
        <message>
            <source>The mapping you confirmed last time for these headers is used.</source>
            <translation>Dùng cách ghép bạn đã xác nhận lần trước cho các tiêu đề này.</translation>
        </message>
        <message>
            <source>Ketnoi could not tell what the sheet holds: choose it above.</source>
            <translation>Ketnoi chưa nhận ra trang tính chứa gì: hãy chọn ở trên.</translation>
        </message>
        <message>
            <source>(no header)</source>
            <translation>(không có tiêu đề)</translation>
        </message>
        <message>
            <source>— not imported —</source>
            <translation>— không nhập —</translation>
        </message>
        <message>
            <source>Choose the column that holds “%1”: a row without it is not a record.</source>
            <translation>Chọn cột chứa “%1”: thiếu cột này thì dòng không thành bản ghi.</translation>
        </message>
        <message>
            <source>Several columns go into %1: only the first is used.</source>
            <translation>Nhiều cột cùng ghép vào %1: chỉ dùng cột đầu tiên.</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <source>Check what will happen</source>
            <translation>Xem trước kết quả</translation>
        </message>
        <message>
            <source>Every row of the sheet, checked and matched. Nothing is written until you press Import.</source>
            <translation>Mọi dòng của trang tính đã được kiểm tra và đối chiếu. Chưa có gì được ghi cho đến khi bạn bấm Nhập.</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Nhập</translation>
        </message>
        <message>
            <source>&amp;Check again</source>
            <translation>&amp;Kiểm tra lại</translation>
        </message>
        <message>
            <source>All rows</source>
            <translation>Tất cả các dòng</translation>
        </message>
        <message>
            <source>Errors only</source>
            <translation>Chỉ dòng lỗi</translation>
        </message>
        <message>
            <source>Errors and duplicates</source>
            <translation>Lỗi và trùng</translation>
        </message>
        <message>
            <source>New records</source>
            <translation>Bản ghi mới</translation>
        </message>
        <message>
            <source>Updates</source>
            <translation>Cập nhật</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>&amp;Hiển thị:</translation>
        </message>
        <message>
            <source>Save error report…</source>
            <translation>Lưu báo cáo lỗi…</translation>
        </message>
        <message>
            <source>Reading, checking and matching rows…</source>
            <translation>Đang đọc, kiểm tra và đối chiếu các dòng…</translation>
        </message>
        <message>
            <source>The sheet has no rows below its header.</source>
            <translation>Trang tính không có dòng nào dưới tiêu đề.</translation>
        </message>
        <message>
            <source>Nothing to import: every row is an error, a duplicate or skipped.</source>
            <translation>Không có gì để nhập: mọi dòng đều lỗi, trùng hoặc bị bỏ qua.</translation>
        </message>
        <message>
            <source>%1 of %2 rows will be written.</source>
            <translation>Sẽ ghi %1 trên %2 dòng.</translation>
        </message>
    </context>
</TS>
