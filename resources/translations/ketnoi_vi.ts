<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_GB">
  <context>
    <name>AboutDialog</name>
    <message>
      <location filename="../../ui/dialogs/about.py" line="40" />
      <source>About Ketnoi</source>
      <translation>Giới thiệu Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="127" />
      <source>Bundled packages</source>
      <translation>Các gói đi kèm</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="64" />
      <source>Database: %1</source>
      <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="109" />
      <source>DejaVu Sans, under the Bitstream Vera licence (in the next tab too), for the symbols Noto Sans lacks (≥ → ✓).</source>
      <translation>DejaVu Sans, theo giấy phép Bitstream Vera (cũng ở thẻ bên cạnh), cho các ký hiệu Noto Sans không có (≥ → ✓).</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="125" />
      <source>Drawn for Ketnoi in the style of Feather/Lucide; MIT licence.</source>
      <translation>Vẽ riêng cho Ketnoi theo phong cách Feather/Lucide; giấy phép MIT.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="90" />
      <source>Font licences</source>
      <translation>Giấy phép phông chữ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="102" />
      <source>Fonts</source>
      <translation>Phông chữ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="124" />
      <source>Icons</source>
      <translation>Biểu tượng</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="71" />
      <source>Ketnoi</source>
      <translation>Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="53" />
      <source>Ketnoi (kết nối): organisations, people, meetings and commitments, in one place.</source>
      <translation>Ketnoi (kết nối): tổ chức, con người, cuộc họp và cam kết ở cùng một nơi.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="133" />
      <source>Licence</source>
      <translation>Giấy phép</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="77" />
      <source>Licences</source>
      <translation>Giấy phép</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="104" />
      <source>Noto Sans, by the Noto Project Authors, under the SIL Open Font License 1.1 (its text is in the next tab); embedded in every PDF brief.</source>
      <translation>Noto Sans, của nhóm tác giả dự án Noto, theo Giấy phép Phông chữ Mở SIL 1.1 (toàn văn ở thẻ bên cạnh); được nhúng vào mọi bản tóm tắt PDF.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="133" />
      <source>Package</source>
      <translation>Gói</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="122" />
      <source>PySide6 source</source>
      <translation>Mã nguồn PySide6</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="57" />
      <source>Python %1 · Qt %2 · PySide6 %3</source>
      <translation>Python %1 · Qt %2 · PySide6 %3</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="120" />
      <source>Qt source</source>
      <translation>Mã nguồn Qt</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="65" />
      <source>Released under the MIT licence.</source>
      <translation>Phát hành theo giấy phép MIT.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="87" />
      <source>The font licence file is missing: %1</source>
      <translation>Thiếu tệp giấy phép phông chữ: %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="131" />
      <source>The list of packages is not available in this copy.</source>
      <translation>Bản Ketnoi này không có danh sách các gói.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="115" />
      <source>The window is drawn with Qt %1 and PySide6 %2, used under the GNU Lesser General Public License v3. Their libraries are separate files in Ketnoi's program folder: you may replace them with your own build of the same version.</source>
      <translation>Giao diện được vẽ bằng Qt %1 và PySide6 %2, sử dụng theo Giấy phép Công cộng Hạn chế GNU phiên bản 3 (LGPL v3). Các thư viện này là những tệp riêng trong thư mục chương trình Ketnoi: bạn có thể thay chúng bằng bản tự biên dịch cùng phiên bản.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="133" />
      <source>Version</source>
      <translation>Phiên bản</translation>
    </message>
  </context>
  <context>
    <name>Answers</name>
    <message>
      <location filename="../../ui/answers.py" line="67" />
      <source>No program opened %1. It is saved in:
%2</source>
      <translation>Không có chương trình nào mở được %1. Tệp đã được lưu trong thư mục:
%2</translation>
    </message>
    <message>
      <location filename="../../ui/answers.py" line="64" />
      <source>Open file</source>
      <translation>Mở tệp</translation>
    </message>
    <message>
      <location filename="../../ui/answers.py" line="72" />
      <source>Show in folder</source>
      <translation>Mở thư mục chứa tệp</translation>
    </message>
  </context>
  <context>
    <name>AppContext</name>
    <message>
      <location filename="../../ui/context.py" line="421" />
      <source>Cannot reach the database server %1, so this cannot be opened now. Try again when the network is back.</source>
      <translation>Không kết nối được máy chủ cơ sở dữ liệu %1 nên chưa mở được. Hãy thử lại khi có mạng.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="416" />
      <source>Cannot reach the database server %1. Nothing was saved, and what you typed is still here: try again when the network is back.</source>
      <translation>Không kết nối được máy chủ cơ sở dữ liệu %1. Chưa lưu gì — dữ liệu bạn vừa nhập vẫn còn; hãy thử lại khi có mạng.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="424" />
      <source>Cannot reach the database server %1. Try again when the network is back.</source>
      <translation>Không kết nối được máy chủ cơ sở dữ liệu %1. Hãy thử lại khi có mạng.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="453" />
      <source>Not allowed: your login %1 may not read or change this in the database (your role may have just been changed). Ask a manager if you need it.</source>
      <translation>Không được phép: tài khoản %1 không được đọc hoặc thay đổi mục này trong cơ sở dữ liệu (vai trò của bạn có thể vừa được thay đổi). Nếu cần, hãy đề nghị lãnh đạo cấp quyền.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="362" />
      <source>Not saved: another program or Ketnoi window is holding the database %1 (Ketnoi waited %2 seconds). Nothing was saved, and what you typed is still here: try again in a moment.</source>
      <translation>Chưa lưu: một chương trình khác hoặc một cửa sổ Ketnoi khác đang giữ cơ sở dữ liệu %1 (Ketnoi đã chờ %2 giây). Chưa có gì được lưu, những gì bạn đã nhập vẫn còn nguyên: hãy thử lại sau giây lát.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="368" />
      <source>Not saved: another program or Ketnoi window is holding the database %1 (Ketnoi waited %2 seconds). Nothing was saved: try again in a moment.</source>
      <translation>Chưa lưu: một chương trình khác hoặc một cửa sổ Ketnoi khác đang giữ cơ sở dữ liệu %1 (Ketnoi đã chờ %2 giây). Chưa có gì được lưu: hãy thử lại sau giây lát.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="441" />
      <source>Not saved: the change would leave a confidential record you may not see. Its owner, the staff on it or a manager can make it.</source>
      <translation>Chưa lưu: thay đổi này sẽ để lại một hồ sơ mật mà bạn không được xem. Cán bộ phụ trách, cán bộ tham gia hoặc lãnh đạo có thể thực hiện.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="380" />
      <source>Not saved: the database file is no longer at %1 (it was moved, renamed or deleted while Ketnoi had it open). Nothing was saved; what was saved before is in the file where it is now.</source>
      <translation>Chưa lưu: tệp cơ sở dữ liệu không còn ở %1 (tệp đã bị chuyển đi, đổi tên hoặc xoá trong khi Ketnoi đang mở). Không có gì được lưu; những gì đã lưu trước đó nằm trong tệp, ở chỗ mới của nó.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="446" />
      <source>Not saved: your login %1 may not change anything in this database (your role may have just been changed). Ask a manager if you need to edit.</source>
      <translation>Chưa lưu: tài khoản %1 không được phép thay đổi gì trong cơ sở dữ liệu này (vai trò của bạn có thể vừa được thay đổi). Nếu cần sửa, hãy đề nghị lãnh đạo cấp quyền.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="387" />
      <source>Put the file back at %1 and save again, or close Ketnoi and open the file where it is now.</source>
      <translation>Hãy đặt tệp trở lại %1 rồi lưu lại, hoặc đóng Ketnoi và mở tệp ở chỗ mới của nó.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="340" />
      <source>Waiting for the database: another program or Ketnoi window is writing to it…</source>
      <translation>Đang chờ cơ sở dữ liệu: một chương trình khác hoặc một cửa sổ Ketnoi khác đang ghi vào đó…</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="385" />
      <source>What you typed is still here.</source>
      <translation>Những gì bạn đã nhập vẫn còn ở đây.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="467" />
      <source>Your login %1 was disabled: this window can no longer read or save. Close Ketnoi; ask an administrator if you still need it.</source>
      <translation>Tài khoản %1 đã bị vô hiệu hóa: cửa sổ này không thể đọc hay lưu gì nữa. Hãy đóng Ketnoi; nếu vẫn cần dùng, hãy đề nghị quản trị viên.</translation>
    </message>
  </context>
  <context>
    <name>AttachmentsBox</name>
    <message>
      <location filename="../../ui/details/attachments.py" line="93" />
      <source>Add…</source>
      <translation>Thêm…</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="192" />
      <source>Attach files</source>
      <translation>Đính kèm tệp</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="99" />
      <source>Attach files to this record (or drop them on its page)</source>
      <translation>Đính kèm tệp vào hồ sơ này (hoặc kéo thả tệp vào trang của hồ sơ)</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="214" />
      <source>Attached %1</source>
      <translation>Đã đính kèm %1</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="187" />
      <source>Attachments</source>
      <translation>Tệp đính kèm</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="170" />
      <source>Files (%1)</source>
      <translation>Tệp đính kèm (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="253" />
      <source>No program opened %1. The file is in:
%2</source>
      <translation>Không có chương trình nào mở được %1. Tệp nằm trong thư mục:
%2</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="94" />
      <source>Open</source>
      <translation>Mở</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="251" />
      <source>Open file</source>
      <translation>Mở tệp</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="97" />
      <source>Remove</source>
      <translation>Gỡ bỏ</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="306" />
      <source>Removed %1</source>
      <translation>Đã gỡ bỏ %1</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="95" />
      <source>Save as…</source>
      <translation>Lưu thành…</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="272" />
      <source>Save attachment</source>
      <translation>Lưu tệp đính kèm</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="286" />
      <source>Saved %1</source>
      <translation>Đã lưu %1</translation>
    </message>
    <message>
      <location filename="../../ui/details/attachments.py" line="257" />
      <source>Show in folder</source>
      <translation>Mở thư mục chứa tệp</translation>
    </message>
  </context>
  <context>
    <name>BackupsDialog</name>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="288" />
      <source>%Ln action(s)</source>
      <translation>%Ln việc</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="286" />
      <source>%Ln contact(s)</source>
      <translation>%Ln người liên hệ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="287" />
      <source>%Ln meeting(s)</source>
      <translation>%Ln cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="289" />
      <source>%Ln organisation(s)</source>
      <translation>%Ln tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="75" />
      <source>&amp;Back up now</source>
      <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="81" />
      <source>&amp;Open folder</source>
      <translation>&amp;Mở thư mục</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="443" />
      <source>&amp;Restore</source>
      <translation>&amp;Khôi phục</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="78" />
      <source>&amp;Restore…</source>
      <translation>&amp;Khôi phục…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="228" />
      <source>(clock was ahead)</source>
      <translation>(đồng hồ chạy sai)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="311" />
      <source>A damaged file set aside is kept for recovery; it cannot be restored.</source>
      <translation>Tệp bị hỏng được giữ lại riêng để cứu dữ liệu; không thể khôi phục từ tệp này.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="411" />
      <source>Backed up to %1</source>
      <translation>Đã sao lưu vào %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="388" />
      <source>Backing up…</source>
      <translation>Đang sao lưu…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="342" />
      <location filename="../../ui/dialogs/backups.py" line="52" />
      <source>Backups</source>
      <translation>Bản sao lưu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="201" />
      <source>Before a merge</source>
      <translation>Trước khi gộp hồ sơ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="203" />
      <source>Before a restore</source>
      <translation>Trước khi khôi phục</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="200" />
      <source>Before an import</source>
      <translation>Trước khi nhập dữ liệu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="208" />
      <source>Before an upgrade of Ketnoi</source>
      <translation>Trước khi nâng cấp Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="202" />
      <source>Before deleting several records</source>
      <translation>Trước khi xoá nhiều hồ sơ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="204" />
      <source>Before emptying the trash</source>
      <translation>Trước khi dọn thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="205" />
      <source>Before undoing an import</source>
      <translation>Trước khi hoàn tác một lần nhập</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="89" />
      <source>Copy this file, as it is, to a folder you can write. Open the copy to change it (an older copy is upgraded when it is opened).</source>
      <translation>Sao chép tệp này, giữ nguyên như hiện có, vào một thư mục bạn có quyền ghi. Hãy mở bản sao để thay đổi (bản sao của phiên bản cũ hơn sẽ được nâng cấp khi mở).</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="199" />
      <source>Copy you asked for</source>
      <translation>Bản sao bạn yêu cầu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="198" />
      <source>Daily copy</source>
      <translation>Bản sao hằng ngày</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="219" />
      <source>Damaged file set aside — kept, not restorable</source>
      <translation>Tệp hỏng được giữ riêng — giữ lại, không khôi phục được</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="441" />
      <source>Database: %1
Backup: %2</source>
      <translation>Cơ sở dữ liệu: %1
Bản sao lưu: %2</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="433" />
      <source>Everything recorded in %1 since that backup will be gone from it. A copy of the database as it is now is taken first, in %2, so this can be undone by restoring that copy.</source>
      <translation>Mọi thứ ghi vào %1 sau lần sao lưu đó sẽ mất khỏi tệp này. Trước khi khôi phục, Ketnoi sao lưu cơ sở dữ liệu như hiện tại vào %2, nên có thể quay lại bằng cách khôi phục bản sao lưu đó.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="148" />
      <source>Ketnoi copies the database before every import, merge, bulk delete and restore, and once a day. Copies are kept in %1.</source>
      <translation>Ketnoi sao lưu cơ sở dữ liệu trước mỗi lần nhập, gộp, xoá hàng loạt và khôi phục, và mỗi ngày một lần. Các bản sao được lưu trong %1.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="357" />
      <source>Ketnoi may not write to %1 (it is read-only for you).</source>
      <translation>Ketnoi không được ghi vào %1 (nơi này chỉ cho phép bạn đọc).</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="68" />
      <source>Kind of copy</source>
      <translation>Loại bản sao</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="232" />
      <source>Named with a time still to come: this copy was taken while the computer's clock was ahead. It is listed by when its file was written, always kept, and never counted among the copies kept.</source>
      <translation>Mang thời điểm chưa tới: bản sao này được tạo khi đồng hồ máy tính chạy nhanh hơn thực tế. Nó được xếp theo lúc tệp được ghi, luôn được giữ và không tính vào số bản sao được giữ.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="380" />
      <location filename="../../ui/dialogs/backups.py" line="405" />
      <source>No copy was saved.</source>
      <translation>Chưa lưu được bản sao nào.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="427" />
      <source>Replace the database %1 with the backup taken %2?</source>
      <translation>Thay cơ sở dữ liệu %1 bằng bản sao lưu lúc %2?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="424" />
      <source>Restore a backup</source>
      <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="469" />
      <source>Restoring…</source>
      <translation>Đang khôi phục…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="85" />
      <source>Save a &amp;copy…</source>
      <translation>Lưu một &amp;bản sao…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="398" />
      <source>Save a copy of the database</source>
      <translation>Lưu một bản sao của cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="369" />
      <source>Save a copy of the team database</source>
      <translation>Lưu bản sao cơ sở dữ liệu nhóm</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="409" />
      <source>Saved to %1: only what your login may see, not the whole team database.</source>
      <translation>Đã lưu vào %1: chỉ những gì tài khoản của bạn được xem, không phải toàn bộ cơ sở dữ liệu nhóm.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="379" />
      <source>Saving a copy of the team database…</source>
      <translation>Đang lưu bản sao cơ sở dữ liệu nhóm…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="405" />
      <source>Saving a copy…</source>
      <translation>Đang lưu bản sao…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="68" />
      <source>Size</source>
      <translation>Dung lượng</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="68" />
      <source>Taken</source>
      <translation>Thời điểm</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="388" />
      <source>The backup was not taken.</source>
      <translation>Chưa sao lưu được.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="243" />
      <source>The damaged database a restore replaced, kept as it was so that IT or support can try to recover records from it. Ketnoi never restores or deletes it.</source>
      <translation>Cơ sở dữ liệu bị hỏng đã được thay thế khi khôi phục, giữ nguyên như cũ để bộ phận IT hoặc hỗ trợ thử cứu các bản ghi trong đó. Ketnoi không bao giờ khôi phục hay xóa tệp này.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="469" />
      <source>The database was not restored.</source>
      <translation>Chưa khôi phục được cơ sở dữ liệu.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="481" />
      <source>The database was restored.</source>
      <translation>Đã khôi phục cơ sở dữ liệu.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="476" />
      <source>The database was restored. What it held before is kept in %1.</source>
      <translation>Đã khôi phục cơ sở dữ liệu. Dữ liệu trước đó được giữ trong %1.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="166" />
      <source>This file is open read-only, and Ketnoi may not make copies beside it (%1). Save a copy… writes it, as it is, to a folder you can write.</source>
      <translation>Tệp này đang được mở ở chế độ chỉ đọc, và Ketnoi không được tạo bản sao bên cạnh nó (%1). Nút Lưu một bản sao… ghi tệp, giữ nguyên như hiện có, vào một thư mục bạn có quyền ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="120" />
      <source>This is a team database on a PostgreSQL server: it is backed up on the server. Back up now saves a copy made with pg_dump, which pg_restore puts back.</source>
      <translation>Đây là cơ sở dữ liệu nhóm trên máy chủ PostgreSQL: việc sao lưu do máy chủ đảm nhận. Nút Sao lưu ngay lưu một bản sao bằng pg_dump, có thể khôi phục bằng pg_restore.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="68" />
      <source>What it holds</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="133" />
      <source>Your login (%1, %2) does not see every record, so the copy holds only what it may see: colleagues' confidential records it may not see are left out. The complete backup is the database owner's (the server's backups, or pg_dump as the owner).</source>
      <translation>Tài khoản của bạn (%1, %2) không xem được mọi hồ sơ, nên bản sao chỉ chứa những gì tài khoản này được xem: các hồ sơ mật của đồng nghiệp mà tài khoản không được xem sẽ bị bỏ qua. Bản sao lưu đầy đủ là của chủ sở hữu cơ sở dữ liệu (các bản sao lưu của máy chủ, hoặc pg_dump bằng tài khoản chủ sở hữu).</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="282" />
      <source>cannot be read</source>
      <translation>không đọc được</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="298" />
      <source>last change %1</source>
      <translation>thay đổi cuối %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="296" />
      <source>last change %1 by %2</source>
      <translation>thay đổi cuối %1, do %2</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backups.py" line="158" />
      <source>⚠ Today's automatic copy could not be made (%1): %2</source>
      <translation>⚠ Không tạo được bản sao tự động hôm nay (%1): %2</translation>
    </message>
  </context>
  <context>
    <name>Banner</name>
    <message>
      <location filename="../../ui/notify.py" line="72" />
      <source>%Ln due today</source>
      <translation>%Ln việc đến hạn hôm nay</translation>
    </message>
    <message>
      <location filename="../../ui/notify.py" line="74" />
      <source>%Ln letter(s) to answer, past the deadline</source>
      <translation>%Ln công văn đến quá hạn trả lời</translation>
    </message>
    <message>
      <location filename="../../ui/notify.py" line="70" />
      <source>%Ln overdue</source>
      <translation>%Ln việc quá hạn</translation>
    </message>
    <message>
      <location filename="../../ui/notify.py" line="76" />
      <source>(Confidential)</source>
      <translation>(Mật)</translation>
    </message>
    <message>
      <location filename="../../ui/notify.py" line="43" />
      <source>Show</source>
      <translation>Xem</translation>
    </message>
  </context>
  <context>
    <name>BriefDialog</name>
    <message>
      <location filename="../../ui/briefs.py" line="156" />
      <source>&amp;Language:</source>
      <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="184" />
      <source>&amp;Open</source>
      <translation>&amp;Mở</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="126" />
      <source>&amp;Period:</source>
      <translation>&amp;Khoảng thời gian:</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="186" />
      <source>&amp;Save as…</source>
      <translation>&amp;Lưu thành…</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="428" />
      <source>Brief written: %1 (%Ln page(s))</source>
      <translation>Đã tạo bản tóm tắt: %1 (%Ln trang)</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="442" />
      <source>Cancelled.</source>
      <translation>Đã huỷ.</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="255" />
      <source>Chosen for briefs until Ketnoi closes. Choose the window's language to follow it again.</source>
      <translation>Đã chọn cho bản tóm tắt đến khi đóng Ketnoi. Chọn lại ngôn ngữ của cửa sổ để theo cửa sổ.</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="101" />
      <source>Contact brief</source>
      <translation>Tóm tắt về người liên hệ</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="114" />
      <source>Custom…</source>
      <translation>Tự chọn…</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="164" />
      <source>For a brief to hand over: no confidential contact, organisation, meeting, follow-up or letter, nor their names or counts; the brief then says records were left out.</source>
      <translation>Tài liệu để trao cho người khác: không có người liên hệ, tổ chức, cuộc họp, việc cần làm hay công văn mật nào, kể cả tên hay số lượng của chúng; cuối tài liệu ghi rõ đã lược bỏ hồ sơ mật.</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="127" />
      <source>From – to:</source>
      <translation>Từ – đến:</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="114" />
      <source>Last month</source>
      <translation>Tháng trước</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="160" />
      <source>Leave &amp;confidential records out</source>
      <translation>Lược bỏ &amp;hồ sơ mật</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="102" />
      <source>Meeting preparation brief</source>
      <translation>Tài liệu chuẩn bị cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="100" />
      <source>Organisation brief</source>
      <translation>Tóm tắt về tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="155" />
      <source>P&amp;aper:</source>
      <translation>&amp;Khổ giấy:</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="103" />
      <source>Period digest</source>
      <translation>Báo cáo tổng hợp theo kỳ</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="397" />
      <source>Preparing the brief…</source>
      <translation>Đang chuẩn bị bản tóm tắt…</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="370" />
      <source>Save brief</source>
      <translation>Lưu bản tóm tắt</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="260" />
      <source>The window's language. Another chosen here is kept for briefs until Ketnoi closes.</source>
      <translation>Theo ngôn ngữ của cửa sổ. Ngôn ngữ khác chọn ở đây được giữ cho bản tóm tắt đến khi đóng Ketnoi.</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="233" />
      <source>This contact is confidential themselves: their brief cannot leave confidential records out.</source>
      <translation>Người liên hệ này là hồ sơ mật: không thể lập tài liệu về họ mà lược bỏ hồ sơ mật.</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="236" />
      <source>This meeting is confidential itself: its brief cannot leave confidential records out.</source>
      <translation>Cuộc họp này là hồ sơ mật: không thể lập tài liệu về nó mà lược bỏ hồ sơ mật.</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="114" />
      <source>This month</source>
      <translation>Tháng này</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="230" />
      <source>This organisation is confidential itself: its brief cannot leave confidential records out.</source>
      <translation>Tổ chức này là hồ sơ mật: không thể lập tài liệu về nó mà lược bỏ hồ sơ mật.</translation>
    </message>
    <message>
      <location filename="../../ui/briefs.py" line="114" />
      <source>This week</source>
      <translation>Tuần này</translation>
    </message>
  </context>
  <context>
    <name>Bulk</name>
    <message>
      <location filename="../../ui/bulk.py" line="402" />
      <source>%1 and %2</source>
      <translation>%1 và %2</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="272" />
      <source>%1 selected</source>
      <translation>Đã chọn %1</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="391" />
      <source>%Ln department(s)</source>
      <translation>%Ln đơn vị trực thuộc</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="423" />
      <source>&amp;Delete</source>
      <translation>&amp;Xoá</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="298" />
      <source>Add tags</source>
      <translation>Thêm nhãn</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="188" />
      <source>Add tags…</source>
      <translation>Thêm nhãn…</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="157" />
      <source>Choose a value first.</source>
      <translation>Hãy chọn một giá trị trước.</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="345" />
      <location filename="../../ui/bulk.py" line="421" />
      <location filename="../../ui/letters.py" line="177" />
      <source>Delete</source>
      <translation>Xoá</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="388" />
      <source>Delete %1?</source>
      <translation>Xoá %1?</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="346" />
      <source>Delete %1? You can undo it from Edit → Undo.</source>
      <translation>Xoá %1? Có thể hoàn tác bằng Sửa → Hoàn tác.</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="196" />
      <source>Delete selected…</source>
      <translation>Xoá các mục đã chọn…</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="386" />
      <source>Delete the organisation “%1”?</source>
      <translation>Xoá tổ chức “%1”?</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="195" />
      <source>Merge the two selected…</source>
      <translation>Gộp hai mục đã chọn…</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="224" />
      <source>Reading the two records to merge…</source>
      <translation>Đang đọc hai hồ sơ cần gộp…</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="311" />
      <source>Remove tags</source>
      <translation>Gỡ nhãn</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="189" />
      <source>Remove tags…</source>
      <translation>Gỡ nhãn…</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="316" />
      <source>Removed %2 from %1</source>
      <translation>Đã gỡ nhãn %2 khỏi %1</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="214" />
      <source>Select exactly two records to merge.</source>
      <translation>Hãy chọn đúng hai hồ sơ để gộp.</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="255" />
      <source>Select records in a list first</source>
      <translation>Hãy chọn bản ghi trong danh sách trước</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="172" />
      <source>Selection</source>
      <translation>Mục đã chọn</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="324" />
      <source>Set %1</source>
      <translation>Đặt %1</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="330" />
      <source>Set %1 on %2</source>
      <translation>Đã đặt %1 cho %2</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="191" />
      <source>Set %1…</source>
      <translation>Đặt %1…</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="404" />
      <source>Still naming it: %1.</source>
      <translation>Vẫn gắn với tổ chức này: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="404" />
      <source>Still naming them: %1.</source>
      <translation>Vẫn gắn với các tổ chức này: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="303" />
      <source>Tagged %1 with %2</source>
      <translation>Đã gắn nhãn %2 cho %1</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="298" />
      <location filename="../../ui/bulk.py" line="311" />
      <source>Tags</source>
      <translation>Nhãn</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="407" />
      <source>They keep it, marked “in the trash”, until it is restored (View → Trash) or the delete is undone (Ctrl+Z).</source>
      <translation>Các mục này vẫn ghi tổ chức, kèm dấu “trong thùng rác”, cho đến khi tổ chức được khôi phục (Xem → Thùng rác) hoặc thao tác xoá được hoàn tác (Ctrl+Z).</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="412" />
      <source>They keep them, marked “in the trash”, until they are restored (View → Trash) or the delete is undone (Ctrl+Z).</source>
      <translation>Các mục này vẫn ghi các tổ chức, kèm dấu “trong thùng rác”, cho đến khi chúng được khôi phục (Xem → Thùng rác) hoặc thao tác xoá được hoàn tác (Ctrl+Z).</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="102" />
      <source>Type a few letters of the organisation</source>
      <translation>Gõ vài chữ của tên tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="398" />
      <source>You can undo it from Edit → Undo.</source>
      <translation>Có thể hoàn tác bằng Sửa → Hoàn tác.</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="71" />
      <source>due date</source>
      <translation>hạn</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="69" />
      <source>organisation</source>
      <translation>tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="67" />
      <source>owner</source>
      <translation>người phụ trách</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="68" />
      <source>responsible (us)</source>
      <translation>người thực hiện (bên ta)</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="86" />
      <source>separate several with commas</source>
      <translation>cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="70" />
      <source>status</source>
      <translation>trạng thái</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="90" />
      <source>— nobody —</source>
      <translation>— không ai —</translation>
    </message>
  </context>
  <context>
    <name>BusyStrip</name>
    <message>
      <location filename="../../ui/import_wizard/common.py" line="56" />
      <source>Cancel</source>
      <translation>Huỷ</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/common.py" line="88" />
      <source>Cancelling…</source>
      <translation>Đang huỷ…</translation>
    </message>
  </context>
  <context>
    <name>CalendarFiles</name>
    <message>
      <location filename="../../ui/calendar_files.py" line="299" />
      <source>%4: the organiser cancelled “%1” on %2, a meeting not in Ketnoi: nothing imported.</source>
      <translation>%4: người tổ chức đã huỷ “%1” ngày %2, một cuộc họp không có trong Ketnoi: không nhập gì.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="300" />
      <source>%4: this cancellation of “%1” on %2 is older than the invitation Ketnoi holds (the organiser has sent a newer one since): nothing changed.</source>
      <translation>%4: lệnh huỷ “%1” ngày %2 này cũ hơn lời mời Ketnoi đang có (người tổ chức đã gửi lời mời mới hơn): không thay đổi gì.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="138" />
      <source>%Ln open action(s) as all-day reminders → %1</source>
      <translation>%Ln việc cần làm (nhắc việc cả ngày) → %1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="250" />
      <source>(%Ln confidential contact(s) left out: select them in the Contacts list to export them)</source>
      <translation>(không ghi %Ln liên hệ mật: hãy chọn các liên hệ đó trong danh sách Liên hệ để xuất)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="156" />
      <source>(%Ln event(s) marked private, as confidential or naming a confidential record: give the file only to those who may see them)</source>
      <translation>(%Ln sự kiện được đánh dấu riêng tư, vì là hồ sơ mật hoặc có nêu tên một hồ sơ mật: chỉ đưa tệp cho người được xem các hồ sơ đó)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="151" />
      <source>(%Ln left out: done, cancelled or without a due date)</source>
      <translation>(%Ln việc không đưa vào: đã xong, đã huỷ hoặc chưa có hạn)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="257" />
      <source>(it holds %Ln confidential contact(s), marked private: give it only to those who may see them)</source>
      <translation>(tệp có %Ln liên hệ mật, được đánh dấu riêng tư: chỉ đưa tệp cho người được xem các liên hệ đó)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="215" />
      <source>(the list as filtered: %1)</source>
      <translation>(danh sách theo bộ lọc: %1)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="279" />
      <source>A repeating event: only its first occurrence is imported.</source>
      <translation>Sự kiện lặp lại: chỉ nhập lần đầu tiên.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="275" />
      <source>A whole-day event: the meeting starts at 00:00.</source>
      <translation>Sự kiện cả ngày: cuộc họp bắt đầu lúc 00:00.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="277" />
      <source>Attendee %1 has no e-mail address: left out.</source>
      <translation>Người tham dự %1 không có địa chỉ thư điện tử: bỏ qua.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="118" />
      <source>Calendar</source>
      <translation>Lịch</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="528" />
      <source>Calendar invitations (*.ics)</source>
      <translation>Lời mời lịch (*.ics)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="137" />
      <source>Calendar written: %Ln meeting(s),</source>
      <translation>Đã ghi lịch: %Ln cuộc họp,</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="143" />
      <source>Calendar written: %Ln open action(s) as all-day reminders → %1</source>
      <translation>Đã ghi lịch: %Ln việc cần làm (nhắc việc cả ngày) → %1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="187" />
      <source>Export this list to calendar</source>
      <translation>Xuất danh sách này ra lịch</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="109" />
      <source>Export to calendar</source>
      <translation>Xuất ra lịch</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="231" />
      <source>Export vCard</source>
      <translation>Xuất vCard</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="526" />
      <source>Import calendar invitation</source>
      <translation>Nhập lời mời lịch</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="585" />
      <source>Invitation linked to the meeting already logged: “%1”</source>
      <translation>Đã gắn lời mời với cuộc họp đã ghi: “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="584" />
      <source>Meeting created from the invitation: “%1”</source>
      <translation>Đã tạo cuộc họp từ lời mời: “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="586" />
      <source>Meeting updated from the invitation: “%1”</source>
      <translation>Đã cập nhật cuộc họp từ lời mời: “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="298" />
      <source>Meeting “%1” on %2 cancelled by the organiser: moved to the trash.</source>
      <translation>Cuộc họp “%1” ngày %2 đã bị người tổ chức huỷ: đã chuyển vào thùng rác.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="301" />
      <source>Meeting “%1” on %2 was cancelled by the organiser, but it took place (minutes, decisions or follow-up actions are logged): it is left as it is.</source>
      <translation>Cuộc họp “%1” ngày %2 bị người tổ chức huỷ, nhưng cuộc họp đã diễn ra (đã ghi biên bản, kết luận hoặc việc cần làm): giữ nguyên.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="302" />
      <source>Meeting “%1” on %2 was cancelled by the organiser: it is in the trash already.</source>
      <translation>Cuộc họp “%1” ngày %2 bị người tổ chức huỷ: cuộc họp đã ở trong thùng rác.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="488" />
      <source>Move to trash</source>
      <translation>Chuyển vào thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="112" />
      <source>Select the actions to export first.</source>
      <translation>Hãy chọn các việc cần xuất trước.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="233" />
      <source>Select the contacts to export first.</source>
      <translation>Hãy chọn những người liên hệ cần xuất trước.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="116" />
      <source>Select the meetings to export first.</source>
      <translation>Hãy chọn các cuộc họp cần xuất trước.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="278" />
      <source>The file holds %1 events: only the first is imported.</source>
      <translation>Tệp có %1 sự kiện: chỉ nhập sự kiện đầu tiên.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="587" />
      <source>The invitation changes nothing in “%1”</source>
      <translation>Lời mời không thay đổi gì ở “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="190" />
      <source>The list holds no actions: no calendar written.</source>
      <translation>Danh sách không có việc cần làm nào: không ghi tệp lịch.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="188" />
      <source>The list holds no meetings: no calendar written.</source>
      <translation>Danh sách không có cuộc họp nào: không ghi tệp lịch.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="280" />
      <source>The meeting this invitation made was in the trash: it is back.</source>
      <translation>Cuộc họp tạo từ lời mời này đang ở thùng rác: đã khôi phục.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="297" />
      <source>The organiser cancelled the meeting “%1” on %2. Move it to the trash?</source>
      <translation>Người tổ chức đã huỷ cuộc họp “%1” ngày %2. Chuyển cuộc họp vào thùng rác?</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="303" />
      <source>The organiser cancelled the occurrence on %3 of “%1”; Ketnoi holds only the one on %2: nothing changed.</source>
      <translation>Người tổ chức đã huỷ lần họp ngày %3 của “%1”; Ketnoi chỉ có lần họp ngày %2: không thay đổi gì.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="501" />
      <source>This invitation is older than the one “%1” came from (the organiser has sent a newer one since): nothing changed</source>
      <translation>Lời mời này cũ hơn lời mời đã tạo nên “%1” (người tổ chức đã gửi lời mời mới hơn): không thay đổi gì</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="276" />
      <source>Time zone %1 is not known: the times are taken as written, check them.</source>
      <translation>Không rõ múi giờ %1: thời gian được lấy đúng như ghi trong tệp, hãy kiểm tra lại.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="79" />
      <source>What %2 saved on the meeting meanwhile is kept: %1.</source>
      <translation>Những gì %2 đã lưu vào cuộc họp trong lúc đó được giữ lại: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="87" />
      <source>What someone else saved on the meeting meanwhile is kept: %1.</source>
      <translation>Những gì người khác đã lưu vào cuộc họp trong lúc đó được giữ lại: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="84" />
      <source>What was saved on the meeting meanwhile in another window or from the command line is kept: %1.</source>
      <translation>Những gì được lưu vào cuộc họp trong lúc đó từ một cửa sổ khác hoặc dòng lệnh được giữ lại: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="236" />
      <source>vCard contacts</source>
      <translation>Danh bạ vCard</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="247" />
      <source>vCard written: %Ln contact(s) → %1</source>
      <translation>Đã ghi vCard: %Ln người liên hệ → %1</translation>
    </message>
  </context>
  <context>
    <name>Commands</name>
    <message>
      <location filename="../../ui/commands.py" line="627" />
      <source>%1 actions were already done</source>
      <translation>%1 việc đã xong từ trước</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="628" />
      <source>%1 actions were already marked done (by %2)</source>
      <translation>%1 việc đã được đánh dấu xong từ trước (bởi %2)</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="634" />
      <source>%1 actions were already reopened</source>
      <translation>%1 việc đã được mở lại từ trước</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="635" />
      <source>%1 actions were already reopened (by %2)</source>
      <translation>%1 việc đã được mở lại từ trước (bởi %2)</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="676" />
      <source>Add a note</source>
      <translation>Thêm ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="367" />
      <source>Added %1 “%2”</source>
      <translation>Đã thêm %1 “%2”</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="379" />
      <source>Deleted %1 %2</source>
      <translation>Đã xoá %1 %2</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="276" />
      <location filename="../../ui/commands.py" line="287" />
      <location filename="../../ui/commands.py" line="306" />
      <source>Ketnoi</source>
      <translation>Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="614" />
      <source>Marked %Ln action(s) done</source>
      <translation>Đã đánh dấu xong %Ln việc</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="283" />
      <source>Not saved: %1</source>
      <translation>Chưa lưu: %1</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="676" />
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="700" />
      <source>Note added</source>
      <translation>Đã thêm ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="556" />
      <source>Nothing changed</source>
      <translation>Không có gì thay đổi</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="407" />
      <location filename="../../ui/commands.py" line="650" />
      <location filename="../../ui/commands.py" line="670" />
      <source>Nothing to change</source>
      <translation>Không có gì cần thay đổi</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="478" />
      <source>Nothing to redo</source>
      <translation>Không có gì để làm lại</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="421" />
      <source>Nothing to undo</source>
      <translation>Không có gì để hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="488" />
      <source>Redone: %1</source>
      <translation>Đã làm lại: %1</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="616" />
      <source>Reopened %Ln action(s)</source>
      <translation>Đã mở lại %Ln việc</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="670" />
      <source>Rescheduled %Ln action(s)</source>
      <translation>Đã dời hạn %Ln việc</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="367" />
      <source>Saved %1 “%2”</source>
      <translation>Đã lưu %1 “%2”</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="467" />
      <source>Undo</source>
      <translation>Hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="460" />
      <source>Undo an earlier step?</source>
      <translation>Hoàn tác một thao tác trước đó?</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="461" />
      <source>Undo “%1”, done on %2, before Ketnoi was opened this time?</source>
      <translation>Hoàn tác “%1”, thực hiện lúc %2, trước lần mở Ketnoi này?</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="443" />
      <source>Undone: %1</source>
      <translation>Đã hoàn tác: %1</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="625" />
      <source>“%1” was already done</source>
      <translation>“%1” đã xong từ trước</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="626" />
      <source>“%1” was already marked done by %2</source>
      <translation>“%1” đã được %2 đánh dấu xong từ trước</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="632" />
      <source>“%1” was already reopened</source>
      <translation>“%1” đã được mở lại từ trước</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="633" />
      <source>“%1” was already reopened by %2</source>
      <translation>“%1” đã được %2 mở lại từ trước</translation>
    </message>
  </context>
  <context>
    <name>CommitPage</name>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="270" />
      <source>%Ln row(s) matched again, because the database changed since the preview:</source>
      <translation>%Ln dòng được đối chiếu lại vì cơ sở dữ liệu đã thay đổi sau khi xem trước:</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="85" />
      <source>&amp;Try again</source>
      <translation>Thử &amp;lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="80" />
      <source>&amp;Undo this import</source>
      <translation>Hoàn tác lần &amp;nhập này</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="459" />
      <location filename="../../ui/import_wizard/commit_page.py" line="56" />
      <source>All accepted rows are written in one step, or none.</source>
      <translation>Mọi dòng hợp lệ được ghi trong một lần, hoặc không dòng nào.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="302" />
      <source>Another import wrote these records after the preview, so nothing was left to write.</source>
      <translation>Một lần nhập khác đã ghi các bản ghi này sau khi xem trước, nên không còn gì để ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="208" />
      <source>Cancel came too late: import #%1 was written.</source>
      <translation>Huỷ quá muộn: lần nhập #%1 đã được ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="249" />
      <source>Cancel came too late: import #%1 was written. File → Import history… can undo it.</source>
      <translation>Huỷ quá muộn: lần nhập #%1 đã được ghi. Có thể hoàn tác ở Tệp → Lịch sử nhập…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="163" />
      <source>Checking against %1…</source>
      <translation>Đang đối chiếu với %1…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="165" />
      <source>Checking against the records in the database…</source>
      <translation>Đang đối chiếu với các bản ghi trong cơ sở dữ liệu…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="284" />
      <source>Every row was rejected or skipped, so nothing was written.</source>
      <translation>Mọi dòng đều bị từ chối hoặc bỏ qua, nên không có gì được ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="431" />
      <source>Fields put back on earlier records</source>
      <translation>Trường được trả lại trên bản ghi có từ trước</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="180" />
      <source>Finishing: saving the import (it can no longer be cancelled)…</source>
      <translation>Đang hoàn tất: đang lưu lần nhập (không thể huỷ nữa)…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="204" />
      <source>Import #%1 is done.</source>
      <translation>Lần nhập #%1 đã hoàn tất.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="428" />
      <source>Import #%1 was undone.</source>
      <translation>Lần nhập #%1 đã được hoàn tác.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="239" />
      <source>Import #%1: %2 new, %3 updated</source>
      <translation>Lần nhập #%1: %2 mới, %3 cập nhật</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="88" />
      <source>Import &amp;another sheet…</source>
      <translation>Nhập &amp;trang tính khác…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="328" />
      <source>Import cancelled</source>
      <translation>Đã huỷ nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="334" />
      <source>Import cancelled: nothing was written.</source>
      <translation>Đã huỷ nhập: không có gì được ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="328" />
      <source>Import failed</source>
      <translation>Nhập không thành công</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="344" />
      <source>Import failed: nothing was written.</source>
      <translation>Nhập không thành công: không có gì được ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="427" />
      <source>Import undone</source>
      <translation>Đã hoàn tác lần nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="202" />
      <source>Imported</source>
      <translation>Đã nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="458" />
      <location filename="../../ui/import_wizard/commit_page.py" line="55" />
      <source>Importing</source>
      <translation>Đang nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="211" />
      <source>New records</source>
      <translation>Bản ghi mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="283" />
      <source>Nothing imported</source>
      <translation>Chưa nhập gì</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="285" />
      <source>Nothing was imported.</source>
      <translation>Không có gì được nhập.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="329" />
      <source>Nothing was written.</source>
      <translation>Chưa có gì được ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="219" />
      <source>Organisations created for the rows</source>
      <translation>Tổ chức được tạo theo các dòng</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="217" />
      <source>Records brought back from the trash</source>
      <translation>Bản ghi khôi phục từ thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="434" />
      <source>Records put back in the trash</source>
      <translation>Bản ghi trả lại thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="430" />
      <source>Records removed</source>
      <translation>Bản ghi đã gỡ</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="212" />
      <source>Records updated</source>
      <translation>Bản ghi đã cập nhật</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="214" />
      <location filename="../../ui/import_wizard/commit_page.py" line="290" />
      <source>Rows not imported (errors, duplicates)</source>
      <translation>Dòng không được nhập (lỗi, trùng lặp)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="213" />
      <location filename="../../ui/import_wizard/commit_page.py" line="288" />
      <source>Rows skipped</source>
      <translation>Dòng bỏ qua</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="77" />
      <source>Save error report…</source>
      <translation>Lưu báo cáo lỗi…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="308" />
      <source>Save the rows not imported to a workbook, correct them and import it again.</source>
      <translation>Lưu các dòng chưa nhập ra một bảng tính, sửa lại rồi nhập lần nữa.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="221" />
      <source>Staff members created</source>
      <translation>Cán bộ được tạo</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="440" />
      <source>The database is as it was before this import.</source>
      <translation>Cơ sở dữ liệu đã trở lại như trước lần nhập này.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="227" />
      <source>The mapping is remembered for the next file with the same headers.</source>
      <translation>Cách ghép cột được ghi nhớ cho tệp sau có cùng tiêu đề.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="203" />
      <source>Undo reverses exactly this import; edits made since are kept.</source>
      <translation>Hoàn tác gỡ đúng lần nhập này; các chỉnh sửa sau đó được giữ lại.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="231" />
      <source>Undo this import removes it again; edits made since are kept.</source>
      <translation>Hoàn tác lần nhập này sẽ gỡ bỏ nó; các chỉnh sửa sau đó vẫn được giữ.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="403" />
      <source>Undoing import #%1…</source>
      <translation>Đang hoàn tác lần nhập #%1…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="121" />
      <source>Writing %1 rows…</source>
      <translation>Đang ghi %1 dòng…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/commit_page.py" line="276" />
      <source>… and %1 more</source>
      <translation>… và %1 dòng khác</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="56" />
      <source>%1 (login %2)</source>
      <translation>%1 (tài khoản %2)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="199" />
      <source>%1 saved “%2” at %3, after you opened it.</source>
      <translation>%1 đã lưu “%2” lúc %3, sau khi bạn mở ra.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="197" />
      <source>Changed by %1</source>
      <translation>%1 đã sửa</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="106" />
      <source>Changed by someone else</source>
      <translation>Người khác đã sửa</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="206" />
      <source>Changed in another of your windows</source>
      <translation>Đã sửa ở một cửa sổ khác của bạn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="211" />
      <source>Changed in another window</source>
      <translation>Đã sửa ở một cửa sổ khác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="165" />
      <source>Discard mine, keep the restored record</source>
      <translation>Bỏ bản của tôi, giữ bản đã khôi phục</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="163" />
      <source>Discard mine, keep theirs</source>
      <translation>Bỏ bản của tôi, giữ bản của họ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="141" />
      <source>Field</source>
      <translation>Trường</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="168" />
      <source>Keep editing</source>
      <translation>Tiếp tục sửa</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="216" />
      <source>Nothing has been overwritten. Compare the two versions and choose.</source>
      <translation>Chưa có gì bị ghi đè. Hãy so sánh hai phiên bản rồi chọn.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="161" />
      <source>Save mine over theirs</source>
      <translation>Lưu bản của tôi đè lên</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="141" />
      <source>Saved now</source>
      <translation>Bản vừa lưu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="112" />
      <source>The database was restored from a backup</source>
      <translation>Cơ sở dữ liệu đã được khôi phục từ một bản sao lưu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="115" />
      <source>The database was restored from a backup (%1, %2) after you opened this record. Under its id it now holds “%3”, as the backup has it — maybe another record than yours. Nothing has been overwritten: discard your changes and open the record again, or find the one you meant.</source>
      <translation>Cơ sở dữ liệu đã được khôi phục từ một bản sao lưu (%1, %2) sau khi bạn mở bản ghi này. Mã số của bản ghi giờ ứng với “%3” như trong bản sao lưu — có thể là một bản ghi khác với bản ghi của bạn. Chưa có gì bị ghi đè: hãy bỏ các thay đổi và mở lại bản ghi, hoặc tìm bản ghi bạn cần.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="208" />
      <source>You saved “%1” at %2 in another window or from the command line, after you opened it here.</source>
      <translation>Bạn đã lưu “%1” lúc %2 ở một cửa sổ khác hoặc từ dòng lệnh, sau khi mở ra ở đây.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="141" />
      <source>Yours</source>
      <translation>Của bạn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="66" />
      <source>“%1” was changed by %2 while you were editing it; their changes and yours were both saved.</source>
      <translation>“%1” đã được %2 sửa trong lúc bạn đang sửa; thay đổi của họ và của bạn đều đã được lưu.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="76" />
      <source>“%1” was changed by someone else while you were editing it; their changes and yours were both saved.</source>
      <translation>“%1” đã được người khác sửa trong lúc bạn đang sửa; thay đổi của họ và của bạn đều đã được lưu.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="71" />
      <source>“%1” was changed in another window or from the command line while you were editing it here; both changes were saved.</source>
      <translation>“%1” đã được sửa ở một cửa sổ khác hoặc từ dòng lệnh trong lúc bạn đang sửa ở đây; cả hai thay đổi đều đã được lưu.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="213" />
      <source>“%1” was saved at %2 from another window or the command line, after you opened it here.</source>
      <translation>“%1” đã được lưu lúc %2 từ một cửa sổ khác hoặc từ dòng lệnh, sau khi bạn mở ra ở đây.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/conflict.py" line="192" />
      <source>“%1” was saved by someone else after you opened it. Nothing has been overwritten. Compare the two versions and choose.</source>
      <translation>“%1” đã được người khác lưu sau khi bạn mở. Chưa có gì bị ghi đè. Hãy so sánh hai phiên bản và chọn.</translation>
    </message>
  </context>
  <context>
    <name>Copies</name>
    <message>
      <location filename="../../ui/copies.py" line="35" />
      <source>%1 exists already. The copy needs a new file name: choose another one.</source>
      <translation>%1 đã có. Bản sao cần một tên tệp mới: hãy chọn tên khác.</translation>
    </message>
    <message>
      <location filename="../../ui/copies.py" line="29" />
      <source>Ketnoi databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
      <translation>Cơ sở dữ liệu Ketnoi (*.db *.sqlite *.sqlite3);;Mọi tệp (*)</translation>
    </message>
    <message>
      <location filename="../../ui/copies.py" line="41" />
      <source>Ketnoi may not write to the folder %1: choose another one.</source>
      <translation>Ketnoi không được ghi vào thư mục %1: hãy chọn thư mục khác.</translation>
    </message>
    <message>
      <location filename="../../ui/copies.py" line="39" />
      <source>There is no folder %1: choose another one.</source>
      <translation>Không có thư mục %1: hãy chọn thư mục khác.</translation>
    </message>
  </context>
  <context>
    <name>Dashboard</name>
    <message>
      <location filename="../../ui/dashboard.py" line="128" />
      <source>Active organisations</source>
      <translation>Tổ chức đang hoạt động</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="40" />
      <source>Confidential</source>
      <translation>Mật</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="246" />
      <source>Due next week</source>
      <translation>Đến hạn tuần tới</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="124" />
      <location filename="../../ui/dashboard.py" line="146" />
      <location filename="../../ui/dashboard.py" line="249" />
      <source>Due this week</source>
      <translation>Đến hạn trong tuần</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="191" />
      <location filename="../../ui/dashboard.py" line="226" />
      <source>Good day</source>
      <translation>Xin chào</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="226" />
      <source>Good day, %1</source>
      <translation>Xin chào %1</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="193" />
      <source>Loading…</source>
      <translation>Đang tải…</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="125" />
      <source>Meetings this month</source>
      <translation>Cuộc họp tháng này</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="265" />
      <source>Next holiday: %1, from %2 to %3 (%4 days off)</source>
      <translation>Kỳ nghỉ tới: %1, từ %2 đến %3 (nghỉ %4 ngày)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="288" />
      <source>No meetings planned.</source>
      <translation>Chưa có cuộc họp nào được lên lịch.</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="302" />
      <source>No organisations yet.</source>
      <translation>Chưa có tổ chức nào.</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="233" />
      <source>Nothing due next week.</source>
      <translation>Tuần tới không có việc đến hạn.</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="233" />
      <source>Nothing due this week.</source>
      <translation>Tuần này không có việc đến hạn.</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="231" />
      <source>Nothing overdue. Well done.</source>
      <translation>Không có việc quá hạn. Tốt lắm!</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="127" />
      <source>Open: they owe</source>
      <translation>Đối tác cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="126" />
      <source>Open: we owe</source>
      <translation>Bên ta cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="166" />
      <source>Organisations by influence and interest; click a dot to open it</source>
      <translation>Tổ chức theo mức ảnh hưởng và mức quan tâm; bấm vào một chấm để mở</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="134" />
      <source>Organisations not merged into or renamed to another: the Organisations list also shows those, greyed, with what they became.</source>
      <translation>Các tổ chức chưa hợp nhất vào hay đổi tên thành tổ chức khác: danh sách Tổ chức còn hiện cả những tổ chức đó, màu xám, kèm tổ chức kế thừa.</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="145" />
      <source>Overdue</source>
      <translation>Quá hạn</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="123" />
      <source>Overdue actions</source>
      <translation>Việc quá hạn</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="148" />
      <source>Recently touched organisations</source>
      <translation>Tổ chức làm việc gần đây</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="161" />
      <source>Stakeholder map</source>
      <translation>Bản đồ các bên liên quan</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="247" />
      <source>The week is over: what is due from today to %1</source>
      <translation>Tuần này đã hết: các việc đến hạn từ hôm nay đến %1</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="147" />
      <source>Upcoming meetings</source>
      <translation>Cuộc họp sắp tới</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="249" />
      <source>What is due from today to %1</source>
      <translation>Các việc đến hạn từ hôm nay đến %1</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="308" />
      <source>met %1</source>
      <translation>đã gặp %1</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="308" />
      <source>next meeting %1</source>
      <translation>họp tới %1</translation>
    </message>
  </context>
  <context>
    <name>Database</name>
    <message>
      <location filename="../../ui/labels.py" line="365" />
      <source>%1 on the server %2</source>
      <translation>%1 trên máy chủ %2</translation>
    </message>
  </context>
  <context>
    <name>DateBox</name>
    <message>
      <location filename="../../ui/datebox.py" line="384" />
      <source>%1 (%2) is %3 Hanoi time (%4)</source>
      <translation>%1 (%2) là %3 giờ Hà Nội (%4)</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="484" />
      <source>, counted from %1 %2</source>
      <translation>, tính từ %1 %2</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="97" />
      <source>Fri</source>
      <translation>T6</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="97" />
      <source>Mon</source>
      <translation>T2</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="97" />
      <source>Sat</source>
      <translation>T7</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="97" />
      <source>Sun</source>
      <translation>CN</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="97" />
      <source>Thu</source>
      <translation>T5</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="97" />
      <source>Tue</source>
      <translation>T3</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="97" />
      <source>Wed</source>
      <translation>T4</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="514" />
      <source>“%1” is not a date and time: type it as %2, e.g. %3 or %4</source>
      <translation>“%1” không phải là ngày giờ: hãy gõ theo dạng %2, ví dụ %3 hoặc %4</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="524" />
      <source>“%1” is not a date: type it as %2 (e.g. %3) or as tomorrow, +3d, +3 working days, next friday, eom</source>
      <translation>“%1” không phải là ngày: hãy gõ theo dạng %2 (ví dụ %3) hoặc ngày mai, +3 ngày, +3 ngày làm việc, thứ sáu tuần sau, cuối tháng</translation>
    </message>
    <message>
      <location filename="../../ui/datebox.py" line="535" />
      <source>“%1” is not a date: type it as %2, e.g. %3</source>
      <translation>“%1” không phải là ngày: hãy gõ theo dạng %2, ví dụ %3</translation>
    </message>
  </context>
  <context>
    <name>DeadlineInText</name>
    <message>
      <location filename="../../ui/dialogs/followup_deadline.py" line="92" />
      <source>due %1 (from “%2”)</source>
      <translation>hạn %1 (từ “%2”)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followup_deadline.py" line="94" />
      <source>keep these words in the title</source>
      <translation>giữ các chữ này trong tiêu đề</translation>
    </message>
  </context>
  <context>
    <name>DetailPane</name>
    <message>
      <location filename="../../ui/details/pane.py" line="75" />
      <source>Select a record to see its story.</source>
      <translation>Chọn một bản ghi để xem toàn bộ quá trình làm việc.</translation>
    </message>
    <message>
      <location filename="../../ui/details/pane.py" line="156" />
      <source>The page below is as it was read at %1 and may have changed since; it cannot be changed until the server is back.</source>
      <translation>Trang dưới đây là nội dung đọc lúc %1 và có thể đã thay đổi; chưa sửa được cho đến khi kết nối lại được với máy chủ.</translation>
    </message>
  </context>
  <context>
    <name>Duplicates</name>
    <message>
      <location filename="../../ui/dupwarn.py" line="109" />
      <source>%1 already logged “%2” with %3 at %4.</source>
      <translation>%1 đã ghi cuộc họp “%2” với %3 lúc %4.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_facts.py" line="150" />
      <source>%Ln action(s)</source>
      <translation>%Ln việc cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="234" />
      <source>%Ln group(s) of likely duplicates, most certain first.</source>
      <translation>%Ln nhóm có thể trùng lặp, chắc chắn nhất ở trên cùng.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_facts.py" line="149" />
      <source>%Ln meeting(s)</source>
      <translation>%Ln cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="143" />
      <source>&amp;Open it</source>
      <translation>&amp;Mở bản đó</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="93" />
      <source>&amp;Open the existing one</source>
      <translation>&amp;Mở bản đã có</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="144" />
      <location filename="../../ui/dupwarn.py" line="92" />
      <source>&amp;Save anyway</source>
      <translation>&amp;Vẫn lưu</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="288" />
      <source>(and %1 more)</source>
      <translation>(và %1 bản ghi khác)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="227" />
      <location filename="../../ui/dialogs/merge_facts.py" line="143" />
      <source>(empty)</source>
      <translation>(trống)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_facts.py" line="126" />
      <source>(never)</source>
      <translation>(chưa liên hệ)</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="70" />
      <source>, at the same organisation</source>
      <translation>, cùng tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_facts.py" line="135" />
      <source>Added</source>
      <translation>Ngày thêm</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="129" />
      <source>Already logged?</source>
      <translation>Đã ghi rồi?</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="86" />
      <source>Already saved?</source>
      <translation>Đã có rồi?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="234" />
      <source>Both, one after the other</source>
      <translation>Giữ cả hai, nối tiếp nhau</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="117" />
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="101" />
      <source>Confidence</source>
      <translation>Độ tin cậy</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="346" />
      <source>Existing record</source>
      <translation>Bản ghi đã có</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="87" />
      <source>Find</source>
      <translation>Tìm</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="74" />
      <source>Find duplicates</source>
      <translation>Tìm bản ghi trùng lặp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="74" />
      <source>Keep the other record instead</source>
      <translation>Giữ bản ghi kia</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="193" />
      <source>Kept: %1</source>
      <translation>Giữ lại: %1</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="141" />
      <source>Logged %1.</source>
      <translation>Đã ghi lúc %1.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="120" />
      <source>Look among</source>
      <translation>Tìm trong</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="167" />
      <source>Looking…</source>
      <translation>Đang tìm…</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="286" />
      <source>Looks like %1 — %2</source>
      <translation>Có vẻ trùng với %1 — %2</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_facts.py" line="131" />
      <source>Meetings and actions</source>
      <translation>Cuộc họp và việc cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="84" />
      <source>Merge</source>
      <translation>Gộp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="66" />
      <source>Merge two %1</source>
      <translation>Gộp hai %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="319" />
      <source>Merged “%1” (#%3) into “%2” (#%4)</source>
      <translation>Đã gộp “%1” (#%3) vào “%2” (#%4)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="321" />
      <source>Merged “%1” into “%2”</source>
      <translation>Đã gộp “%1” vào “%2”</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="113" />
      <source>Merge…</source>
      <translation>Gộp…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="263" />
      <source>Moving to the kept record: %Ln meeting(s)</source>
      <translation>Chuyển sang bản ghi được giữ: %Ln cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="237" />
      <source>No duplicates found.</source>
      <translation>Không tìm thấy bản ghi trùng lặp.</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="186" />
      <source>Open</source>
      <translation>Mở</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="80" />
      <source>Reading the two records again…</source>
      <translation>Đang đọc lại hai hồ sơ…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="101" />
      <source>Records</source>
      <translation>Bản ghi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="194" />
      <source>Removed after the merge: %1</source>
      <translation>Bị xoá sau khi gộp: %1</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="91" />
      <source>Save a second %1 anyway?</source>
      <translation>Vẫn lưu thêm một %1 nữa?</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="135" />
      <source>Save this meeting as well?</source>
      <translation>Vẫn lưu cuộc họp này?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="93" />
      <source>Stop</source>
      <translation>Dừng</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="204" />
      <source>Stopped.</source>
      <translation>Đã dừng.</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="83" />
      <source>This looks like %1, already saved (%2).</source>
      <translation>Có vẻ đây là %1, đã có trong dữ liệu (%2).</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="194" />
      <source>Use this one</source>
      <translation>Dùng bản ghi này</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="295" />
      <source>What %2 saved on them meanwhile is kept: %1.</source>
      <translation>Những gì %2 đã lưu vào hai hồ sơ này trong lúc đó được giữ lại: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="300" />
      <source>What someone else saved on them meanwhile is kept: %1.</source>
      <translation>Những gì người khác đã lưu vào hai hồ sơ này trong lúc đó được giữ lại: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="298" />
      <source>What was saved on them meanwhile in another window or from the command line is kept: %1.</source>
      <translation>Những gì được lưu vào hai hồ sơ này trong lúc đó từ một cửa sổ khác hoặc dòng lệnh được giữ lại: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/duplicates.py" line="101" />
      <source>Why</source>
      <translation>Lý do</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="107" />
      <source>You already logged “%1” with %2 at %3.</source>
      <translation>Bạn đã ghi cuộc họp “%1” với %2 lúc %3.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="266" />
      <source>and %Ln action(s).</source>
      <translation>và %Ln việc cần làm.</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="57" />
      <source>same English name “%1”</source>
      <translation>cùng tên tiếng Anh “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="51" />
      <source>same acronym %1</source>
      <translation>cùng tên viết tắt %1</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="56" />
      <source>same alias “%1”</source>
      <translation>cùng tên gọi khác “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="46" />
      <source>same email %1</source>
      <translation>cùng email %1</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="50" />
      <source>same family and given name</source>
      <translation>cùng họ và tên</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="48" />
      <source>same name ignoring accents</source>
      <translation>cùng tên khi bỏ dấu</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="49" />
      <source>same name in another order</source>
      <translation>cùng tên nhưng đảo thứ tự</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="47" />
      <source>same phone %1</source>
      <translation>cùng số điện thoại %1</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="58" />
      <source>same website %1</source>
      <translation>cùng website %1</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="54" />
      <source>the acronym %1 of one is the name of the other</source>
      <translation>tên viết tắt %1 của bên này là tên của bên kia</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="174" />
      <source>“%1” (#%4) is kept; “%2” (#%5) is merged into it and removed. %3 Emails, phones and tags of both are kept. You can undo the merge afterwards.</source>
      <translation>Giữ lại “%1” (#%4); “%2” (#%5) được gộp vào và bị gỡ bỏ. %3 Email, số điện thoại và nhãn của cả hai đều được giữ. Có thể hoàn tác việc gộp sau đó.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/merge_dialog.py" line="178" />
      <source>“%1” (#%4) is kept; “%2” (#%5) is merged into it and removed. %3 Tags and sectors of both are kept; a name or acronym not kept becomes an alias. You can undo the merge afterwards.</source>
      <translation>Giữ lại “%1” (#%4); “%2” (#%5) được gộp vào và bị gỡ bỏ. %3 Nhãn và lĩnh vực của cả hai đều được giữ; tên hoặc tên viết tắt không được giữ sẽ thành tên gọi khác. Có thể hoàn tác việc gộp sau đó.</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="61" />
      <source>“%1” is an alias of one and the name of the other</source>
      <translation>“%1” là tên gọi khác của bên này và là tên của bên kia</translation>
    </message>
    <message>
      <location filename="../../ui/dupwarn.py" line="111" />
      <source>“%1” with %2 at %3 is already logged.</source>
      <translation>Cuộc họp “%1” với %2 lúc %3 đã được ghi.</translation>
    </message>
  </context>
  <context>
    <name>EmailLogger</name>
    <message>
      <location filename="../../ui/mail.py" line="198" />
      <source>(attached files: %1)</source>
      <translation>(tệp đính kèm: %1)</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" line="169" />
      <source>(in the trash: restore it from View → Trash)</source>
      <translation>(đang trong thùng rác: khôi phục tại Xem → Thùng rác)</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" line="167" />
      <location filename="../../ui/mail.py" line="194" />
      <source>Already logged: “%1”</source>
      <translation>Đã ghi nhận trước đó: “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" line="133" />
      <source>E-mail messages (*.eml *.msg)</source>
      <translation>Thư điện tử (*.eml *.msg)</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" line="133" />
      <location filename="../../ui/mail.py" line="162" />
      <location filename="../../ui/mail.py" line="171" />
      <location filename="../../ui/mail.py" line="205" />
      <source>Log e-mail</source>
      <translation>Ghi nhận thư điện tử</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" line="196" />
      <source>Logged e-mail “%1”</source>
      <translation>Đã ghi nhận thư điện tử “%1”</translation>
    </message>
  </context>
  <context>
    <name>EmptyNote</name>
    <message>
      <location filename="../../ui/lists/empty.py" line="29" />
      <source>Clear this list's filters</source>
      <translation>Bỏ các bộ lọc của danh sách này</translation>
    </message>
  </context>
  <context>
    <name>Export</name>
    <message>
      <location filename="../../ui/exports.py" line="69" />
      <source>Export cancelled; no file was written.</source>
      <translation>Đã huỷ xuất; chưa ghi tệp nào.</translation>
    </message>
    <message>
      <location filename="../../ui/exports.py" line="132" />
      <source>Export this list to Excel</source>
      <translation>Xuất danh sách này ra Excel</translation>
    </message>
    <message>
      <location filename="../../ui/exports.py" line="80" />
      <source>Export to Excel</source>
      <translation>Xuất ra Excel</translation>
    </message>
    <message>
      <location filename="../../ui/exports.py" line="152" />
      <source>Exported %1 to %2</source>
      <translation>Đã xuất %1 vào %2</translation>
    </message>
    <message>
      <location filename="../../ui/exports.py" line="101" />
      <source>Exported %Ln record(s) to %1</source>
      <translation>Đã xuất %Ln bản ghi ra %1</translation>
    </message>
    <message>
      <location filename="../../ui/exports.py" line="112" />
      <source>Exporting to %1…</source>
      <translation>Đang xuất ra %1…</translation>
    </message>
    <message>
      <location filename="../../ui/exports.py" line="181" />
      <source>Import template saved: %1</source>
      <translation>Đã lưu mẫu nhập liệu: %1</translation>
    </message>
    <message>
      <location filename="../../ui/exports.py" line="175" />
      <source>Save import template</source>
      <translation>Lưu mẫu nhập liệu</translation>
    </message>
    <message>
      <location filename="../../ui/exports.py" line="104" />
      <location filename="../../ui/exports.py" line="154" />
      <source>it holds %Ln confidential record(s): give it only to those who may see them.</source>
      <translation>tệp có %Ln hồ sơ mật: chỉ đưa tệp cho người được xem các hồ sơ đó.</translation>
    </message>
  </context>
  <context>
    <name>FileOffer</name>
    <message>
      <location filename="../../ui/answers.py" line="92" />
      <source>Open</source>
      <translation>Mở</translation>
    </message>
    <message>
      <location filename="../../ui/answers.py" line="95" />
      <source>Show in folder</source>
      <translation>Mở thư mục chứa tệp</translation>
    </message>
  </context>
  <context>
    <name>FilePage</name>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="225" />
      <source>%1 of %2 recognised</source>
      <translation>Nhận ra %1 trên %2</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="278" />
      <source>%1 sheets: the ticked ones are imported together, organisations first, in one step that one undo reverses.</source>
      <translation>%1 trang: các trang được đánh dấu được nhập cùng nhau, tổ chức trước, trong một lần ghi mà một lần hoàn tác đảo ngược.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="99" />
      <source>&amp;Sheets in the file:</source>
      <translation>&amp;Danh sách trang tính trong tệp:</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="41" />
      <source>All files</source>
      <translation>Mọi tệp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="72" />
      <source>An Excel workbook (.xlsx, .xlsm, .xls), a LibreOffice one (.ods) or a CSV file in any encoding: choose it or drop it here. Nothing is written until you confirm.</source>
      <translation>Bảng tính Excel (.xlsx, .xlsm, .xls), LibreOffice (.ods) hoặc tệp CSV với bất kỳ bảng mã nào: chọn tệp hoặc thả vào đây. Chưa ghi gì cho đến khi bạn xác nhận.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="88" />
      <source>Br&amp;owse…</source>
      <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="79" />
      <source>Choose a file…</source>
      <translation>Chọn một tệp…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="69" />
      <source>Choose the spreadsheet</source>
      <translation>Chọn bảng tính</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="107" />
      <source>Columns</source>
      <translation>Cột</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="107" />
      <source>Header row</source>
      <translation>Dòng tiêu đề</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="107" />
      <source>Holds</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="182" />
      <source>Import a spreadsheet</source>
      <translation>Nhập dữ liệu từ bảng tính</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="270" />
      <source>No sheet of this file can be imported: why is said beside each sheet, in the list below.</source>
      <translation>Không trang nào của tệp này nhập được: lý do ghi bên cạnh từng trang, trong danh sách bên dưới.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="198" />
      <source>Reading %1…</source>
      <translation>Đang đọc %1…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="107" />
      <source>Sheet</source>
      <translation>Trang tính</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="40" />
      <source>Spreadsheets</source>
      <translation>Bảng tính</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="218" />
      <source>hidden in Excel (often old data): %1</source>
      <translation>bị ẩn trong Excel (thường là dữ liệu cũ): %1</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="247" />
      <source>hidden in Excel, not ticked</source>
      <translation>ẩn trong Excel, chưa chọn</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="243" />
      <source>imported (#%1)</source>
      <translation>đã nhập (#%1)</translation>
    </message>
  </context>
  <context>
    <name>FoldsPanel</name>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="96" />
      <source>%1 organisations will be created for the rows. Written in more than one way, folded into one: %2.</source>
      <translation>Sẽ tạo %1 tổ chức cho các dòng. Được viết theo nhiều cách, đã gộp làm một: %2.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="56" />
      <source>&amp;Join into…</source>
      <translation>&amp;Gộp vào…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="60" />
      <source>&amp;Reset</source>
      <translation>&amp;Đặt lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="170" />
      <source>Join into</source>
      <translation>Gộp vào</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="46" />
      <source>Organisation to be created / written in the file as</source>
      <translation>Tổ chức sẽ tạo / cách viết trong tệp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="46" />
      <source>Rows</source>
      <translation>Số dòng</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="50" />
      <source>S&amp;plit off</source>
      <translation>&amp;Tách riêng</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="115" />
      <source>Staff members created: %1</source>
      <translation>Cán bộ được tạo: %1</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="170" />
      <source>The same organisation as:</source>
      <translation>Cùng một tổ chức với:</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="58" />
      <source>This is the same organisation as another one in the list</source>
      <translation>Đây là cùng một tổ chức với một tổ chức khác trong danh sách</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/folds_panel.py" line="53" />
      <source>This way of writing names another organisation: create it on its own</source>
      <translation>Cách viết này là một tổ chức khác: tạo riêng</translation>
    </message>
  </context>
  <context>
    <name>FollowUpEditor</name>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="551" />
      <source>%1 (from “%2”)</source>
      <translation>%1 (từ “%2”)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="576" />
      <source>%1 on %2</source>
      <translation>%1 ngày %2</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="578" />
      <source>%1 · saved before: change it in the follow-ups list</source>
      <translation>%1 · đã lưu trước đó: thay đổi trong danh sách việc cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="376" />
      <source>(me)</source>
      <translation>(tôi)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="135" />
      <source>+1 day</source>
      <translation>+1 ngày</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="136" />
      <source>+1 week</source>
      <translation>+1 tuần</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="138" />
      <source>+3 working days</source>
      <translation>+3 ngày làm việc</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="179" />
      <source>About</source>
      <translation>Về tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="164" />
      <location filename="../../ui/dialogs/followups.py" line="480" />
      <source>Add</source>
      <translation>Thêm</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="381" />
      <source>Attendees</source>
      <translation>Người tham dự</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="181" />
      <source>Direction</source>
      <translation>Bên thực hiện</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="182" />
      <source>Due</source>
      <translation>Hạn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="571" />
      <source>Due today</source>
      <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="137" />
      <source>End of month</source>
      <translation>Cuối tháng</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="178" />
      <source>Follow-up</source>
      <translation>Việc tiếp theo</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="78" />
      <source>Follow-up: what is to be done (Enter adds it)</source>
      <translation>Việc tiếp theo: cần làm gì (Enter để thêm)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="561" />
      <source>New: saved with the meeting · F2 or double-click: change · Delete: remove</source>
      <translation>Mới: được lưu cùng cuộc họp · F2 hoặc nháy đúp: sửa · Delete: bỏ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="121" />
      <location filename="../../ui/dialogs/followups.py" line="152" />
      <source>No due date</source>
      <translation>Không có hạn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="381" />
      <source>Other attendees</source>
      <translation>Người tham dự khác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="86" />
      <source>Other organisation: name or acronym</source>
      <translation>Tổ chức khác: tên hoặc tên viết tắt</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="278" />
      <source>Other organisation…</source>
      <translation>Tổ chức khác…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="384" />
      <source>Our staff</source>
      <translation>Cán bộ bên ta</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="570" />
      <source>Overdue</source>
      <translation>Quá hạn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="380" />
      <source>People of %1</source>
      <translation>Người của %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="180" />
      <source>Responsible</source>
      <translation>Người thực hiện</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="83" />
      <source>The organisation this follow-up is about</source>
      <translation>Tổ chức mà việc cần làm này liên quan tới</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="526" />
      <source>Update</source>
      <translation>Cập nhật</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="547" />
      <source>no due date</source>
      <translation>chưa có hạn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/followups.py" line="129" />
      <source>the meeting's day</source>
      <translation>ngày họp</translation>
    </message>
  </context>
  <context>
    <name>Forms</name>
    <message>
      <location filename="../../ui/widgets.py" line="377" />
      <source>&amp;Discard</source>
      <translation>&amp;Bỏ</translation>
    </message>
    <message>
      <location filename="../../ui/widgets.py" line="370" />
      <source>What you typed has not been saved. Discard it?</source>
      <translation>Nội dung bạn vừa nhập chưa được lưu. Bỏ nội dung này?</translation>
    </message>
  </context>
  <context>
    <name>GuideDialog</name>
    <message>
      <location filename="../../ui/dialogs/guide.py" line="28" />
      <source>Ketnoi user guide</source>
      <translation>Hướng dẫn sử dụng Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/guide.py" line="36" />
      <source>The guide is not installed with this copy of Ketnoi: it is docs/guide.md in Ketnoi's source.</source>
      <translation>Bản Ketnoi này không cài kèm hướng dẫn: hướng dẫn nằm ở docs/guide.md trong mã nguồn Ketnoi.</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <location filename="../../ui/help_menu.py" line="29" />
      <source>&amp;About Ketnoi</source>
      <translation>&amp;Giới thiệu Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="26" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Phím tắt</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="24" />
      <source>&amp;User guide</source>
      <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="28" />
      <source>&amp;Welcome…</source>
      <translation>&amp;Chào mừng…</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <location filename="../../ui/history.py" line="423" />
      <source>%1 set back to “%2”</source>
      <translation>%1 đã được đặt lại thành “%2”</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="253" />
      <source>&amp;Restore this value</source>
      <translation>&amp;Khôi phục giá trị này</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="213" />
      <source>History</source>
      <translation>Lịch sử</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="311" />
      <source>History of %1</source>
      <translation>Lịch sử của %1</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="316" />
      <source>The latest %1 changes are shown.</source>
      <translation>Đang hiển thị %1 thay đổi gần nhất.</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="319" />
      <source>This record is in the trash: restore it to change it.</source>
      <translation>Bản ghi này đang ở trong thùng rác: hãy khôi phục để sửa.</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="256" />
      <source>Write the value from before this change back (Ctrl+Z takes it back)</source>
      <translation>Ghi lại giá trị trước thay đổi này (Ctrl+Z để hoàn tác)</translation>
    </message>
  </context>
  <context>
    <name>HistoryModel</name>
    <message>
      <location filename="../../ui/history.py" line="189" />
      <source>%1 (decision %2)</source>
      <translation>%1 (quyết định %2)</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="115" />
      <source>%1 (import of %2)</source>
      <translation>%1 (nhập từ %2)</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="106" />
      <source>%1 (merge)</source>
      <translation>%1 (gộp)</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="174" />
      <source>%1 (precedence %2)</source>
      <translation>%1 (thứ tự %2)</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="117" />
      <source>%1 (removed for good from the trash)</source>
      <translation>%1 (đã xoá vĩnh viễn khỏi thùng rác)</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="109" />
      <source>%1 (undo of import #%2 from %3)</source>
      <translation>%1 (hoàn tác lần nhập #%2 từ %3)</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="187" />
      <source>%1 from %2</source>
      <translation>%1 từ %2</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="64" />
      <source>After</source>
      <translation>Sau</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="64" />
      <source>Before</source>
      <translation>Trước</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="64" />
      <source>Change</source>
      <translation>Thay đổi</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="133" />
      <source>Created</source>
      <translation>Tạo mới</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="132" />
      <source>Created by the import of %1</source>
      <translation>Tạo khi nhập %1</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="148" />
      <source>Deleted</source>
      <translation>Đã xoá</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="136" />
      <source>Deleted (undo of import #%1 from %2)</source>
      <translation>Đã xoá (hoàn tác lần nhập #%1 từ %2)</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="181" />
      <source>English name of the post “%1”</source>
      <translation>Tên tiếng Anh của chức vụ “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="194" />
      <source>Left a post</source>
      <translation>Thôi giữ chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="164" />
      <source>Linked to the calendar invitation “%1”</source>
      <translation>Liên kết với lời mời lịch “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="127" />
      <source>Merged #%2 “%1” into this record</source>
      <translation>Đã gộp #%2 “%1” vào bản ghi này</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="125" />
      <source>Merged #%2 “%1” into this record, which took that name from it</source>
      <translation>Đã gộp #%2 “%1” vào bản ghi này; bản ghi này lấy tên đó từ #%2</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="121" />
      <source>Merged into “%1”</source>
      <translation>Đã gộp vào “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="123" />
      <source>Merged “%1” into this record</source>
      <translation>Đã gộp “%1” vào bản ghi này</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="710" />
      <location filename="../../ui/import_wizard/work.py" line="114" />
      <location filename="../../ui/labels.py" line="36" />
      <source>No</source>
      <translation>Không</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="183" />
      <source>Notes on the post “%1”</source>
      <translation>Ghi chú về chức vụ “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="170" />
      <location filename="../../ui/history.py" line="172" />
      <source>Post added</source>
      <translation>Thêm chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="153" />
      <source>Post or holder</source>
      <translation>Chức vụ hoặc người giữ chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="177" />
      <source>Post removed</source>
      <translation>Xoá chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="180" />
      <source>Post renamed</source>
      <translation>Đổi tên chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="182" />
      <source>Precedence of the post “%1”</source>
      <translation>Thứ tự của chức vụ “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="146" />
      <source>Redo</source>
      <translation>Làm lại</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="145" />
      <source>Redo: %1</source>
      <translation>Làm lại: %1</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="151" />
      <source>Removed for good</source>
      <translation>Đã xoá vĩnh viễn</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="152" />
      <source>Reorganisation</source>
      <translation>Sắp xếp tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="47" />
      <source>Reorganisation: merged on %1</source>
      <translation>Sắp xếp tổ chức: hợp nhất từ ngày %1</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="48" />
      <source>Reorganisation: renamed on %1</source>
      <translation>Sắp xếp tổ chức: đổi tên từ ngày %1</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="49" />
      <source>Reorganisation: split on %1</source>
      <translation>Sắp xếp tổ chức: chia tách từ ngày %1</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="149" />
      <source>Restored</source>
      <translation>Đã khôi phục</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="141" />
      <source>Restored by the import of %1</source>
      <translation>Khôi phục khi nhập %1</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="190" />
      <source>Took up a post</source>
      <translation>Nhận chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="146" />
      <location filename="../../ui/history.py" line="150" />
      <source>Undo</source>
      <translation>Hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="145" />
      <source>Undo: %1</source>
      <translation>Hoàn tác: %1</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="64" />
      <source>When</source>
      <translation>Thời gian</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="64" />
      <source>Who</source>
      <translation>Người thực hiện</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="710" />
      <location filename="../../ui/import_wizard/work.py" line="114" />
      <location filename="../../ui/labels.py" line="36" />
      <source>Yes</source>
      <translation>Có</translation>
    </message>
    <message>
      <location filename="../../ui/history.py" line="192" />
      <source>last day %1</source>
      <translation>ngày cuối %1</translation>
    </message>
  </context>
  <context>
    <name>Holiday</name>
    <message>
      <location filename="../../ui/labels.py" line="320" />
      <source>Holiday: %1 — work resumes on %2</source>
      <translation>Đang nghỉ lễ: %1 — làm việc trở lại từ %2</translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message>
      <location filename="../../ui/import_wizard/reports.py" line="114" />
      <source>%Ln row(s) updated</source>
      <translation>%Ln dòng được cập nhật</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/reports.py" line="112" />
      <source>%Ln warning(s)</source>
      <translation>%Ln cảnh báo</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="213" />
      <source>A new action is created</source>
      <translation>Tạo việc cần làm mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="210" />
      <source>A new contact is created</source>
      <translation>Tạo người liên hệ mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="212" />
      <source>A new meeting is created</source>
      <translation>Tạo cuộc họp mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="211" />
      <source>A new organisation is created</source>
      <translation>Tạo tổ chức mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="46" />
      <source>Create a new record anyway</source>
      <translation>Vẫn tạo bản ghi mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="51" />
      <source>Duplicate</source>
      <translation>Trùng lặp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="52" />
      <source>Error</source>
      <translation>Lỗi</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/reports.py" line="104" />
      <source>Error report saved: %1 (%Ln row(s)). Fix the rows and import that file again.</source>
      <translation>Đã lưu báo cáo lỗi: %1 (%Ln dòng). Sửa các dòng đó rồi nhập lại tệp.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="60" />
      <source>Fields that are empty in Ketnoi are filled from the sheet; fields already filled are left as they are. New e-mails, phones, sectors and tags are added to the record's lists; nothing is removed. The preview shows every change.</source>
      <translation>Các trường còn trống trong Ketnoi được điền từ bảng tính; các trường đã có giá trị được giữ nguyên. E-mail, số điện thoại, lĩnh vực và nhãn mới được bổ sung vào danh sách của bản ghi; không có gì bị xoá. Bản xem trước hiển thị mọi thay đổi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="49" />
      <source>New</source>
      <translation>Mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/file_page.py" line="50" />
      <source>Not recognised: choose on the next page</source>
      <translation>Chưa nhận ra: chọn ở trang sau</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="167" />
      <source>Record</source>
      <translation>Bản ghi</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/reports.py" line="115" />
      <source>Report saved: %1 (%2).</source>
      <translation>Đã lưu báo cáo: %1 (%2).</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="165" />
      <source>Row</source>
      <translation>Dòng</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/reports.py" line="76" />
      <source>Save error report</source>
      <translation>Lưu báo cáo lỗi</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/reports.py" line="51" />
      <source>Save error report…</source>
      <translation>Lưu báo cáo lỗi…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/reports.py" line="76" />
      <source>Save report</source>
      <translation>Lưu báo cáo</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/reports.py" line="51" />
      <source>Save report…</source>
      <translation>Lưu báo cáo…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="53" />
      <source>Skip</source>
      <translation>Bỏ qua</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="49" />
      <source>Skip the row</source>
      <translation>Bỏ qua dòng này</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="166" />
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="71" />
      <source>The record already in Ketnoi is left exactly as it is.</source>
      <translation>Bản ghi đã có trong Ketnoi được giữ nguyên.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="58" />
      <source>The row becomes a new record beside the one already in Ketnoi.</source>
      <translation>Dòng này thành một bản ghi mới, bên cạnh bản ghi đã có trong Ketnoi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="66" />
      <source>The sheet's values replace Ketnoi's; an empty cell never erases. New e-mails, phones, sectors and tags are added to the record's lists; nothing is removed. The preview shows every change.</source>
      <translation>Giá trị trong bảng tính thay thế giá trị trong Ketnoi; ô trống không bao giờ xoá dữ liệu. E-mail, số điện thoại, lĩnh vực và nhãn mới được bổ sung vào danh sách của bản ghi; không có gì bị xoá. Bản xem trước hiển thị mọi thay đổi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="50" />
      <source>Update</source>
      <translation>Cập nhật</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="47" />
      <source>Update it: fill its empty fields, add to its lists</source>
      <translation>Cập nhật: điền các trường còn trống, bổ sung vào danh sách</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="48" />
      <source>Update it: overwrite its fields</source>
      <translation>Cập nhật: ghi đè các trường</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/model.py" line="168" />
      <source>What happens</source>
      <translation>Kết quả</translation>
    </message>
  </context>
  <context>
    <name>ImportHistoryDialog</name>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="128" />
      <source>%1 and %2</source>
      <translation>%1 và %2</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="176" />
      <source>%1 it brought back from the trash will go back there.</source>
      <translation>%1 mà lần nhập đã khôi phục từ thùng rác sẽ được trả lại thùng rác.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="159" />
      <source>%1 it created will be kept: edited or used since the import, or needed by one that is kept.</source>
      <translation>%1 do lần nhập này tạo sẽ được giữ lại: đã được sửa hoặc dùng sau khi nhập, hoặc được một bản ghi giữ lại cần đến.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="168" />
      <source>%1 it created will be left as they are: merged into another record or deleted since.</source>
      <translation>%1 do lần nhập này tạo sẽ được để nguyên: đã được gộp vào bản ghi khác hoặc đã bị xoá sau đó.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="149" />
      <source>%1 it created will be removed, and the updates it made put back.</source>
      <translation>%1 do lần nhập này tạo sẽ bị xoá, và các nội dung nó đã cập nhật sẽ được khôi phục như cũ.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="152" />
      <source>%1 it created will be removed.</source>
      <translation>%1 do lần nhập này tạo sẽ bị xoá.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="67" />
      <source>%Ln field(s) put back on records that existed before</source>
      <translation>trả lại giá trị cũ của %Ln trường trên các bản ghi đã có từ trước</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="64" />
      <source>%Ln record(s) removed</source>
      <translation>xoá %Ln bản ghi</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="313" />
      <source>&amp;Undo import</source>
      <translation>&amp;Hoàn tác lần nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="86" />
      <source>Also removed, left by imports undone before: %1</source>
      <translation>Cũng xoá, do các lần nhập đã hoàn tác trước để lại: %1</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="323" />
      <source>Cancel undo</source>
      <translation>Huỷ hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="461" />
      <source>Import #%1 was not undone: %2</source>
      <translation>Chưa hoàn tác được lần nhập #%1: %2</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="450" />
      <source>Import #%1 was undone.</source>
      <translation>Đã hoàn tác lần nhập #%1.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="71" />
      <source>Import #%1 was undone: %2, %3.</source>
      <translation>Đã hoàn tác lần nhập #%1: %2, %3.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="294" />
      <source>Import history</source>
      <translation>Lịch sử nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="102" />
      <source>Kept, because they were edited or used since:</source>
      <translation>Giữ lại, vì đã được sửa hoặc dùng sau đó:</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="97" />
      <source>Left as they are, merged into another record or deleted since:</source>
      <translation>Để nguyên, vì đã được gộp vào bản ghi khác hoặc đã bị xoá sau đó:</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="79" />
      <source>Put back in the trash, as the import had brought them back from there: %1</source>
      <translation>Đã trả lại thùng rác, vì lần nhập đã khôi phục chúng từ đó: %1</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="117" />
      <source>The column choices remembered for this file's layout stay for the next file laid out the same.</source>
      <translation>Cách ghép cột đã ghi nhớ cho bố cục của tệp này vẫn được giữ cho tệp sau có cùng bố cục.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="186" />
      <source>The undo itself cannot be reversed in one step.</source>
      <translation>Riêng việc hoàn tác này không thể đảo ngược bằng một bước.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="154" />
      <source>The updates it made will be put back.</source>
      <translation>Các nội dung lần nhập này đã cập nhật sẽ được khôi phục như cũ.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="202" />
      <source>Undo import</source>
      <translation>Hoàn tác lần nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="142" />
      <source>Undo import #%1 (%2, %3)?</source>
      <translation>Hoàn tác lần nhập #%1 (%2, %3)?</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="457" />
      <source>Undo of import #%1 cancelled: nothing was changed.</source>
      <translation>Đã huỷ việc hoàn tác lần nhập #%1: không có gì thay đổi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="430" />
      <source>Undoing import #%1…</source>
      <translation>Đang hoàn tác lần nhập #%1…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="475" />
      <source>Undoing import #%1… %2 of %3 records</source>
      <translation>Đang hoàn tác lần nhập #%1… %2 trên %3 bản ghi</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="114" />
      <source>What it removed is in the trash (View → Trash restores it).</source>
      <translation>Những gì đã gỡ đang ở trong thùng rác (khôi phục tại Xem → Thùng rác).</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="181" />
      <source>What it removes goes to the trash (View → Trash…); the undo itself cannot be reversed in one step.</source>
      <translation>Những gì bị gỡ sẽ vào thùng rác (Xem → Thùng rác…), có thể khôi phục từ đó; riêng việc hoàn tác này không thể đảo ngược bằng một bước.</translation>
    </message>
  </context>
  <context>
    <name>ImportHistoryModel</name>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="230" />
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="283" />
      <source>Can be undone</source>
      <translation>Có thể hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="282" />
      <source>Cannot be undone</source>
      <translation>Không thể hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="231" />
      <source>Created alongside</source>
      <translation>Tạo kèm theo</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="230" />
      <source>File (sheets)</source>
      <translation>Tệp (trang)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="230" />
      <source>New</source>
      <translation>Mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="267" />
      <source>No name recorded</source>
      <translation>Không ghi tên</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="243" />
      <source>No name was recorded with this import. Ketnoi records the name chosen under File → Settings → “I am”: choose yourself there and later imports carry your name.</source>
      <translation>Lần nhập này không ghi tên người nhập. Ketnoi ghi tên được chọn ở Tệp → Cài đặt → “Tôi là”: hãy chọn tên mình ở đó để các lần nhập sau ghi tên bạn.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="231" />
      <source>Not imported</source>
      <translation>Không nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="232" />
      <source>State</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="279" />
      <source>Undone %1</source>
      <translation>Đã hoàn tác %1</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="231" />
      <source>Updated</source>
      <translation>Cập nhật</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="230" />
      <source>When</source>
      <translation>Lúc</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/history_dialog.py" line="230" />
      <source>Who</source>
      <translation>Người nhập</translation>
    </message>
  </context>
  <context>
    <name>ImportHistoryOffer</name>
    <message>
      <location filename="../../ui/import_offer.py" line="87" />
      <source>Import history…</source>
      <translation>Lịch sử nhập…</translation>
    </message>
    <message>
      <location filename="../../ui/import_offer.py" line="64" />
      <source>Nothing to undo here. The import of “%1” (%2) is undone in File → Import history.</source>
      <translation>Không có gì để hoàn tác ở đây. Lần nhập “%1” (%2) được hoàn tác trong Tệp → Lịch sử nhập.</translation>
    </message>
    <message>
      <location filename="../../ui/import_offer.py" line="49" />
      <source>Nothing to undo here. Use File → Import history to undo the import of “%1” (%3, %2).</source>
      <translation>Không có gì để hoàn tác ở đây. Hãy dùng Tệp → Lịch sử nhập để hoàn tác lần nhập “%1” (%3, %2).</translation>
    </message>
  </context>
  <context>
    <name>ImportMessage</name>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="594" />
      <source>"{file}" was imported at {at} (import #{id}) after this preview was made; rows that now match the records it wrote were not created a second time: {rows}</source>
      <translation>"{file}" đã được nhập lúc {at} (lần nhập #{id}) sau khi bản xem trước này được tạo; các dòng nay khớp với bản ghi do lần nhập đó ghi nên không được tạo lần thứ hai: {rows}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="589" />
      <source>"{file}" was imported by {by} at {at} (import #{id}) after this preview was made; rows that now match the records it wrote were not created a second time: {rows}</source>
      <translation>"{file}" đã được {by} nhập lúc {at} (lần nhập #{id}) sau khi bản xem trước này được tạo; các dòng nay khớp với bản ghi do lần nhập đó ghi nên không được tạo lần thứ hai: {rows}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="379" />
      <source>"{text}" is the saved organisation {name} (#{id}), where its rows go</source>
      <translation>"{text}" là tổ chức đã có {name} (#{id}); các dòng trong nhóm được gán vào tổ chức này</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="214" />
      <source>"{value}" does not say who owes it: kept in the notes, and the action is "We owe"; write "We owe" or "They owe" (or "Bên ta cần làm" / "Đối tác cần làm") in the cell</source>
      <translation>"{value}" không cho biết bên nào cần làm: được ghi vào ghi chú, và việc được ghi là "Bên ta cần làm"; hãy ghi "Bên ta cần làm" hoặc "Đối tác cần làm" vào ô</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="246" />
      <source>"{value}" is a department or office, not a person</source>
      <translation>"{value}" là tên một đơn vị (phòng, ban…), không phải một người</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="248" />
      <source>"{value}" is a department or office, not a person: no staff member made for it; kept in the notes</source>
      <translation>"{value}" là tên một đơn vị (phòng, ban…), không phải một người: không tạo cán bộ; đã ghi vào ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="179" />
      <source>"{value}" is not a date (day/month/year)</source>
      <translation>"{value}" không phải ngày (ngày/tháng/năm)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="200" />
      <source>"{value}" is not a date; kept in the notes as typed</source>
      <translation>"{value}" không phải ngày; đã ghi vào ghi chú như đã nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="222" />
      <source>"{value}" is not a known priority: kept in the notes, and the action is "Normal"</source>
      <translation>"{value}" không phải mức ưu tiên đã biết: được ghi vào ghi chú, và việc được ghi là "Bình thường"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="219" />
      <source>"{value}" is not a known status: kept in the notes, and the action is "Open"</source>
      <translation>"{value}" không phải trạng thái đã biết: được ghi vào ghi chú, và việc được ghi là "Đang mở"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="166" />
      <source>"{value}" is not a known {what}</source>
      <translation>"{value}" không phải {what} đã biết</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="207" />
      <source>"{value}" is not a time of day</source>
      <translation>"{value}" không phải giờ trong ngày</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="177" />
      <source>"{value}" is not a valid email address</source>
      <translation>"{value}" không phải địa chỉ email hợp lệ</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="178" />
      <source>"{value}" is not a valid phone number</source>
      <translation>"{value}" không phải số điện thoại hợp lệ</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="189" />
      <source>"{value}" is outside the dates Ketnoi keeps ({first} to {last})</source>
      <translation>"{value}" nằm ngoài khoảng ngày Ketnoi lưu (từ {first} đến {last})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="192" />
      <source>"{value}" is outside the dates Ketnoi keeps ({first} to {last}); not applied, kept in the notes as typed</source>
      <translation>"{value}" nằm ngoài khoảng ngày Ketnoi lưu (từ {first} đến {last}); không áp dụng, đã ghi vào ghi chú như đã nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="203" />
      <source>"{value}" is written in scientific notation, so digits may be lost: kept in the notes; write the number in full</source>
      <translation>"{value}" được ghi dạng số khoa học (E+), có thể đã mất chữ số: đã ghi vào ghi chú; hãy ghi đầy đủ số điện thoại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="201" />
      <source>"{value}" kept in the notes</source>
      <translation>"{value}" được ghi vào ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="243" />
      <source>"{value}" names more than one country ({countries}): Country left as VN; check it</source>
      <translation>"{value}" nêu tên nhiều nước ({countries}): Quốc gia để là VN; hãy kiểm tra lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="268" />
      <source>"{value}" reads both ways (day/month or month/day), and this column has dates written both ways, so it was not guessed: kept in the notes as typed; enter the date by hand</source>
      <translation>"{value}" đọc được cả hai cách (ngày/tháng hoặc tháng/ngày), mà cột này có ngày ghi theo cả hai kiểu, nên không đoán: đã ghi vào ghi chú như đã nhập; hãy tự nhập ngày</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="262" />
      <source>"{value}" reads both ways (day/month or month/day), and this column has dates written both ways: write it with the month in words (4 March 2026) or as year-month-day (2026-03-04)</source>
      <translation>"{value}" đọc được cả hai cách (ngày/tháng hoặc tháng/ngày), mà cột này có ngày ghi theo cả hai kiểu: hãy ghi tháng bằng chữ (4 tháng 3 năm 2026) hoặc theo năm-tháng-ngày (2026-03-04)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="173" />
      <source>"{value}": not a country Ketnoi knows; write its name ("Việt Nam", "Singapore") or its 2-letter code (VN, SG)</source>
      <translation>"{value}": không phải tên nước Ketnoi biết; hãy ghi tên nước ("Việt Nam", "Singapore") hoặc mã 2 chữ cái (VN, SG)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="273" />
      <source>"{value}": {month} is not a month, and the other dates in this column are written day first (day/month/year): check the date and write it day first</source>
      <translation>"{value}": {month} không phải tháng, mà các ngày khác trong cột này ghi theo kiểu ngày trước (ngày/tháng/năm): hãy kiểm tra lại và ghi ngày trước, tháng sau</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="278" />
      <source>"{value}": {month} is not a month, and the other dates in this column are written day first (day/month/year): kept in the notes as typed; check the date and enter it by hand</source>
      <translation>"{value}": {month} không phải tháng, mà các ngày khác trong cột này ghi theo kiểu ngày trước (ngày/tháng/năm): đã ghi vào ghi chú như đã nhập; hãy kiểm tra lại và tự nhập ngày</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="63" />
      <source>#{id}: nothing new</source>
      <translation>#{id}: không có gì mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="665" />
      <source>, in the trash</source>
      <translation>, trong thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="398" />
      <source>--on-match: {value}? ({choices})</source>
      <translation>--on-match: {value}? ({choices})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="419" />
      <source>Cannot read {file}: access is denied. If it is open in another program, close it there and try again, or import a copy of it</source>
      <translation>Không đọc được tệp {file}: không có quyền truy cập. Nếu tệp đang mở trong chương trình khác, hãy đóng lại rồi thử lại, hoặc nhập một bản sao của tệp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="409" />
      <source>File not found: {file}</source>
      <translation>Không tìm thấy tệp: {file}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="519" />
      <source>Import cancelled; nothing was written.</source>
      <translation>Đã huỷ nhập; không có gì được ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="474" />
      <source>a cell holds a value Excel does not write ({detail}); the sheet was read another way: check its rows after the import</source>
      <translation>có ô chứa giá trị Excel không ghi ra ({detail}); trang tính đã được đọc theo cách khác: hãy kiểm tra các dòng sau khi nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="209" />
      <source>a day without a time: the meeting starts at 09:00 (change it on the meeting); one logged that day with the same organisation or person is taken as this one</source>
      <translation>chỉ có ngày, không có giờ: cuộc họp được ghi lúc 09:00 (sửa ở cuộc họp); cuộc họp đã ghi trong ngày đó với cùng tổ chức hoặc người được coi là cuộc họp này</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="158" />
      <source>a formula with no saved result: open the file in Excel and save it, then import again</source>
      <translation>công thức chưa có kết quả được lưu: hãy mở tệp bằng Excel, lưu lại rồi nhập lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="181" />
      <source>a time of day with no date ({value}): a date cell of 0 or less reads so (Excel shows it as 00/01/1900 or ####)</source>
      <translation>giờ trong ngày mà không có ngày ({value}): ô ngày chứa số 0 hoặc số âm được đọc như vậy (Excel hiện là 00/01/1900 hoặc ####)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="185" />
      <source>a time of day with no date ({value}): a date cell of 0 or less reads so (Excel shows it as 00/01/1900 or ####); left out, with nothing to keep in the notes</source>
      <translation>giờ trong ngày mà không có ngày ({value}): ô ngày chứa số 0 hoặc số âm được đọc như vậy (Excel hiện là 00/01/1900 hoặc ####); đã bỏ qua, không có gì để ghi vào ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="58" />
      <source>added to row {other_row}: {changes}</source>
      <translation>đã thêm vào dòng {other_row}: {changes}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="60" />
      <source>already exists: #{id} (same {key})</source>
      <translation>đã có: #{id} (cùng {key})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="162" />
      <source>an error value {value}: correct the cell in the file, then import again</source>
      <translation>ô có giá trị lỗi {value}: hãy sửa ô này trong tệp rồi nhập lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="68" />
      <source>attendee not found: "{name}"</source>
      <translation>không tìm thấy người tham dự: "{name}"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="128" />
      <source>brought back from the trash: #{id} "{name}"</source>
      <translation>khôi phục từ thùng rác: #{id} "{name}"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="126" />
      <source>brought back from the trash: #{id} "{name}", the same {key} {value}</source>
      <translation>khôi phục từ thùng rác: #{id} "{name}", cùng {key} {value}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="497" />
      <source>cards that never end (BEGIN:VCARD with no END:VCARD): {count}, the first at line {line}; they were not imported: export the contacts again, or add the missing END:VCARD lines</source>
      <translation>thẻ không có dòng kết thúc (BEGIN:VCARD mà thiếu END:VCARD): {count}, thẻ đầu tiên ở dòng {line}; các thẻ này chưa được nhập: hãy xuất lại danh bạ hoặc thêm các dòng END:VCARD còn thiếu</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="502" />
      <source>cards with nothing to import (no name, e-mail or phone): {count}, the first is card {card}; they were not imported</source>
      <translation>thẻ không có gì để nhập (không có tên, email hay số điện thoại): {count}, thẻ đầu tiên là thẻ số {card}; các thẻ này chưa được nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="469" />
      <source>cell {cell} holds a value Excel does not write ("{value}"), read as {read}; the rest of the sheet was read as usual: check that cell in the file</source>
      <translation>ô {cell} chứa giá trị Excel không ghi ra ("{value}"), đã đọc thành {read}; phần còn lại của trang tính được đọc bình thường: hãy kiểm tra ô này trong tệp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="645" />
      <source>column %1</source>
      <translation>cột %1</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="288" />
      <source>column {header} has dates written day first (row {day_row}: "{day_value}") and month first (row {month_row}: "{month_value}"): a date that reads both ways, such as 03/04/2026, was not guessed, and its row says so</source>
      <translation>cột {header} có ngày ghi theo kiểu ngày trước (dòng {day_row}: "{day_value}") lẫn tháng trước (dòng {month_row}: "{month_value}"): ngày đọc được cả hai cách (như 03/04/2026) không được đoán; dòng nào có ngày như vậy đều được báo</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="323" />
      <source>column {header} names departments with no organisation, but the emails are on {domains}, where contacts of yours are: their departments, not yours</source>
      <translation>cột {header} ghi phòng ban không kèm tên tổ chức, nhưng email thuộc {domains}, tên miền của những liên hệ đã có: phòng ban của họ, không phải của mình</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="318" />
      <source>column {header} names departments, but of one organisation, not necessarily yours: the sheet's name does not say staff and no email is on your staff's domains</source>
      <translation>cột {header} ghi phòng ban, nhưng của một cơ quan chưa chắc là cơ quan mình: tên trang không cho biết là cán bộ và không email nào thuộc tên miền của cán bộ mình</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="328" />
      <source>column {header} names departments, but the emails are on {domains}, not on your staff's domains ({ours})</source>
      <translation>cột {header} ghi phòng ban, nhưng email thuộc {domains}, không phải tên miền của cán bộ mình ({ours})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="301" />
      <source>column {header} names departments, no column names an organisation, and the emails are on your staff's domains ({domains})</source>
      <translation>cột {header} ghi phòng ban, không có cột nào ghi tổ chức, và email thuộc tên miền của cán bộ mình ({domains})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="312" />
      <source>column {header} names organisations ({examples}), not your own departments</source>
      <translation>cột {header} ghi tên tổ chức ({examples}), không phải phòng ban của mình</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="315" />
      <source>column {header} names the organisation each person works for</source>
      <translation>cột {header} ghi tổ chức nơi mỗi người công tác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="298" />
      <source>column {header} says who still works here, and no column names an organisation</source>
      <translation>cột {header} cho biết ai còn làm việc, và không có cột nào ghi tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="283" />
      <source>column {header} writes its dates month first (row {example_row}: "{value}" can only be month/day/year), so every date in it was read as month/day/year</source>
      <translation>cột {header} ghi ngày theo kiểu tháng trước (dòng {example_row}: "{value}" chỉ có thể là tháng/ngày/năm), nên mọi ngày trong cột được đọc theo tháng/ngày/năm</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="100" />
      <source>creates organisation "{name}"</source>
      <translation>tạo tổ chức "{name}"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="101" />
      <source>creates staff member "{name}"</source>
      <translation>tạo cán bộ "{name}"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="238" />
      <source>done, with no completion date nor a past due date: left without one, so no period counts it as completed; enter the date it was done</source>
      <translation>đã xong nhưng không có ngày hoàn thành, cũng không có hạn đã qua: để trống, nên việc này không được tính là hoàn thành trong kỳ nào; hãy nhập ngày hoàn thành</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="234" />
      <source>done, with no completion date: dated {date}, its due date; change it if it was done another day</source>
      <translation>đã xong nhưng không có ngày hoàn thành: lấy hạn {date} làm ngày hoàn thành; hãy sửa nếu việc xong vào ngày khác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="57" />
      <source>duplicate of row {other_row} (same {key})</source>
      <translation>trùng dòng {other_row} (cùng {key})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="199" />
      <source>email "{value}" is not an address; kept in the notes</source>
      <translation>email "{value}" không phải địa chỉ; đã ghi vào ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="365" />
      <source>hidden in Excel (a hidden or filtered-out row): imported like the others</source>
      <translation>dòng bị ẩn trong Excel (ẩn hoặc bị lọc): vẫn được nhập như các dòng khác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="368" />
      <source>hidden in Excel (a hidden or filtered-out row): left out, as asked</source>
      <translation>dòng bị ẩn trong Excel (ẩn hoặc bị lọc): bỏ qua theo lựa chọn</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="351" />
      <source>hidden in Excel, yet imported like the other columns: {columns}; if a hidden column holds old values, choose “not imported” for it in the mapping, or delete it from the file</source>
      <translation>bị ẩn trong Excel nhưng vẫn được nhập như các cột khác: {columns}; nếu cột bị ẩn chứa dữ liệu cũ, hãy chọn “không nhập” cho cột đó khi ghép cột, hoặc xoá cột khỏi tệp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="528" />
      <source>import #{id} is no longer in this database: it was restored from a backup taken before this import, and #{id} is now another import ({file}, {at}), left as it is. Nothing was changed</source>
      <translation>lần nhập #{id} không còn trong cơ sở dữ liệu này: cơ sở dữ liệu đã được khôi phục từ một bản sao lưu có trước lần nhập đó, và #{id} bây giờ là một lần nhập khác ({file}, {at}), vẫn được giữ nguyên. Không có gì bị thay đổi</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="523" />
      <source>import #{id} is no longer in this database: it was restored from a backup taken before this import. Nothing was changed</source>
      <translation>lần nhập #{id} không còn trong cơ sở dữ liệu này: cơ sở dữ liệu đã được khôi phục từ một bản sao lưu có trước lần nhập đó. Không có gì bị thay đổi</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="521" />
      <source>import #{id} was already undone ({at})</source>
      <translation>lần nhập #{id} đã được hoàn tác lúc {at}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="578" />
      <source>its result differs from the preview's: the database changed since</source>
      <translation>kết quả khác với bản xem trước vì cơ sở dữ liệu đã thay đổi sau đó</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="65" />
      <source>left as #{id} has it (the sheet differs): {changes}; "overwrite" would replace it</source>
      <translation>giữ nguyên như #{id} đang có (trang tính ghi khác): {changes}; chọn "ghi đè" để lấy giá trị trong trang tính</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="59" />
      <source>left as row {other_row} has it (this row differs): {changes}</source>
      <translation>giữ nguyên như dòng {other_row} (dòng này ghi khác): {changes}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="61" />
      <source>matches #{id} (same {key}); created anyway</source>
      <translation>giống #{id} (cùng {key}); vẫn tạo mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="76" />
      <source>meeting not found: "{name}"</source>
      <translation>không tìm thấy cuộc họp: "{name}"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="575" />
      <source>new in the preview; #{id} was added since, and it matched #{id}</source>
      <translation>là dòng mới trong bản xem trước; #{id} được thêm sau đó nên dòng này khớp với #{id}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="338" />
      <source>new sectors will be added: {names}</source>
      <translation>sẽ thêm lĩnh vực mới: {names}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="340" />
      <source>new sectors will be added: {names}; saved already under another name (as written → as saved): {pairs}: each would then be there twice: write it as saved, or rename the saved one first</source>
      <translation>sẽ thêm lĩnh vực mới: {names}; đã lưu dưới tên khác (tên trong tệp → tên đã lưu): {pairs}: khi đó mỗi lĩnh vực sẽ có hai lần: hãy ghi đúng tên đã lưu, hoặc đổi tên lĩnh vực đã lưu trước</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="344" />
      <source>new tags will be added: {names}</source>
      <translation>sẽ thêm thẻ mới: {names}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="346" />
      <source>new tags will be added: {names}; saved already under another name (as written → as saved): {pairs}: each would then be there twice: write it as saved, or rename the saved one first</source>
      <translation>sẽ thêm thẻ mới: {names}; đã lưu dưới tên khác (tên trong tệp → tên đã lưu): {pairs}: khi đó mỗi thẻ sẽ có hai lần: hãy ghi đúng tên đã lưu, hoặc đổi tên thẻ đã lưu trước</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="337" />
      <source>no value in any row: {columns}</source>
      <translation>không có giá trị ở dòng nào: {columns}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="333" />
      <source>no value in any row: {columns}; if they hold formulas, open the file in Excel and save it, so that their results are saved, then import it again</source>
      <translation>không có giá trị ở dòng nào: {columns}; nếu các cột này chứa công thức, hãy mở tệp bằng Excel và lưu lại để kết quả được lưu, rồi nhập lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="431" />
      <source>not UTF-8 text: read in {encoding}, e.g. row {example_row}: "{example}"; check that the names read right, and if they do not, save the file again in Excel as "CSV UTF-8" and import that</source>
      <translation>không phải văn bản UTF-8: đã đọc theo {encoding}, ví dụ dòng {example_row}: "{example}"; hãy kiểm tra họ tên có đọc đúng không, nếu sai hãy mở tệp bằng Excel, lưu lại dạng "CSV UTF-8" rồi nhập tệp đó</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="360" />
      <source>not imported: {columns}: a staff member in Ketnoi has only a name, an email and whether they still work here</source>
      <translation>không nhập: {columns}: cán bộ trong Ketnoi chỉ có họ tên, email và còn làm việc hay không</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="148" />
      <source>organisation "{typed}" is probably {name} (#{id}) spelt another way: it is created as a new organisation; to use #{id}, write its name as #{id} has it, or merge the two after the import (Find duplicates)</source>
      <translation>tổ chức "{typed}" có lẽ là {name} (#{id}) viết khác đi: tổ chức này được tạo mới; để dùng #{id}, hãy ghi tên như #{id} đang có, hoặc gộp hai tổ chức sau khi nhập (Tìm bản ghi trùng lặp)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="533" />
      <source>part of import #{id} touches records you may not see, so you cannot undo it: undoing only the rest would leave it half undone. Ask whoever made it, or a manager, to undo it. Nothing was changed</source>
      <translation>một phần của lần nhập #{id} liên quan đến hồ sơ bạn không được xem, nên bạn không thể hoàn tác nó: chỉ hoàn tác phần còn lại sẽ để nó bị hoàn tác dở dang. Hãy nhờ người đã nhập hoặc một quản lý hoàn tác. Không có gì bị thay đổi</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="197" />
      <source>phone "{value}" kept unverified: the right length, but not in a range known yet</source>
      <translation>số điện thoại "{value}" được giữ, chưa xác minh: đúng độ dài nhưng chưa thuộc dải số đã biết</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="143" />
      <source>probably the same person as row {other_row} "{name}", {why}: imported as another new contact; if it is, merge the two after the import (Find duplicates)</source>
      <translation>có lẽ cùng một người với dòng {other_row} "{name}", {why}: được nhập thành một liên hệ mới nữa; nếu đúng vậy, hãy gộp hai bản ghi sau khi nhập (Tìm bản ghi trùng lặp)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="138" />
      <source>probably {name} (#{id}), {why}: imported as a new contact; to update #{id} instead, write the name and organisation as #{id} has them, or merge the two after the import (Find duplicates)</source>
      <translation>có lẽ là {name} (#{id}), {why}: được nhập thành liên hệ mới; để cập nhật #{id} thay vào đó, hãy ghi họ tên và đơn vị như #{id} đang có, hoặc gộp hai bản ghi sau khi nhập (Tìm bản ghi trùng lặp)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="153" />
      <source>required, but empty</source>
      <translation>bắt buộc, đang để trống</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="74" />
      <source>responsible (them) not found among the contacts: "{name}"</source>
      <translation>không tìm thấy người phụ trách phía đối tác trong danh bạ: "{name}"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="644" />
      <source>row %1</source>
      <translation>dòng %1</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="382" />
      <source>row {number} numbers the columns ("{value}"): not imported</source>
      <translation>dòng {number} là dòng đánh số cột ("{value}"): không được nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="388" />
      <source>row {rows}: a total below the list ("{value}"), not a person: not imported</source>
      <translation>dòng {rows}: dòng tổng cộng bên dưới danh sách ("{value}"), không phải một người: không được nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="386" />
      <source>row {rows}: the signatures below the list, not imported</source>
      <translation>dòng {rows}: phần ký tên bên dưới danh sách, không được nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="384" />
      <source>rows {rows}: the signatures below the list, not imported</source>
      <translation>dòng {rows}: phần ký tên bên dưới danh sách, không được nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="391" />
      <source>rows {rows}: totals below the list ("{value}"), not people: not imported</source>
      <translation>dòng {rows}: các dòng tổng cộng bên dưới danh sách ("{value}"), không phải người: không được nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="107" />
      <source>same name and organisation as #{id} "{name}", but no email or phone in common: imported as another person</source>
      <translation>cùng họ tên và tổ chức với #{id} "{name}" nhưng không trùng email hay số điện thoại nào: nhập thành một người khác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="103" />
      <source>same name and organisation as row {other_row}, but no email or phone in common: imported as another person</source>
      <translation>cùng họ tên và tổ chức với dòng {other_row} nhưng không trùng email hay số điện thoại nào: nhập thành một người khác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="134" />
      <source>same {key} {value} as #{id} "{name}", but another name: imported as another person</source>
      <translation>cùng {key} {value} với #{id} "{name}" nhưng khác tên: nhập thành một người khác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="130" />
      <source>same {key} {value} as row {other_row} "{name}", but another name: imported as another person</source>
      <translation>cùng {key} {value} với dòng {other_row} "{name}" nhưng khác tên: nhập thành một người khác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="375" />
      <source>section heading "{text}", not a person: left out; the rows below it keep their own organisation</source>
      <translation>dòng tiêu đề nhóm "{text}", không phải một người: bỏ qua; các dòng bên dưới giữ tổ chức của mình</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="371" />
      <source>section heading: organisation "{organisation}" given to the rows below it that name none: {rows}</source>
      <translation>dòng tiêu đề nhóm: tổ chức "{organisation}" được gán cho các dòng bên dưới chưa ghi tổ chức: {rows}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="643" />
      <source>sheet "%1"</source>
      <translation>trang "%1"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="581" />
      <source>the preview linked it to organisation #{id}, deleted or merged since: organisation "{name}" was created anew</source>
      <translation>bản xem trước gắn dòng này với tổ chức #{id}, nhưng tổ chức đó đã bị xoá hoặc gộp sau đó: đã tạo mới tổ chức "{name}"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="585" />
      <source>the preview linked it to organisation #{prev_id}; the database changed since, and it is linked to #{id}</source>
      <translation>bản xem trước gắn dòng này với tổ chức #{prev_id}; cơ sở dữ liệu đã thay đổi sau đó nên dòng này được gắn với #{id}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="567" />
      <source>the preview matched #{id}, which was deleted or merged since: "{name}" was imported as a new record</source>
      <translation>bản xem trước khớp với #{id}, nhưng bản ghi này đã bị xoá hoặc gộp sau đó: đã nhập "{name}" thành bản ghi mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="571" />
      <source>the preview matched #{prev_id}; the database changed since, and it matched #{id}</source>
      <translation>bản xem trước khớp với #{prev_id}; cơ sở dữ liệu đã thay đổi sau đó nên dòng này khớp với #{id}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="121" />
      <source>the same action is in the trash: #{id} "{name}"; restore it from the trash rather than create a second one?</source>
      <translation>cùng một việc cần làm đang ở trong thùng rác: #{id} "{name}"; khôi phục việc đó từ thùng rác thay vì tạo thêm một bản ghi?</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="116" />
      <source>the same organisation is in the trash: #{id} "{name}"; restore it from the trash rather than create a second one?</source>
      <translation>cùng một tổ chức đang ở trong thùng rác: #{id} "{name}"; khôi phục tổ chức đó từ thùng rác thay vì tạo thêm một bản ghi?</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="111" />
      <source>the same person is in the trash: #{id} "{name}" has the {key} {value}; restore it from the trash rather than import a second record?</source>
      <translation>cùng một người đang ở trong thùng rác: #{id} "{name}" có {key} {value}; khôi phục người đó từ thùng rác thay vì nhập thêm một bản ghi?</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="310" />
      <source>the sheet's name, "{sheet_name}", says contacts</source>
      <translation>tên trang "{sheet_name}" cho biết đây là danh bạ liên hệ</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="294" />
      <source>the sheet's name, "{sheet_name}", says staff, and no column names an organisation</source>
      <translation>tên trang "{sheet_name}" cho biết đây là cán bộ, và không có cột nào ghi tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="168" />
      <source>too long: {length} characters, where at most {most} fit; shorten it in the file and import it again (nothing was cut off)</source>
      <translation>quá dài: {length} ký tự, trong khi tối đa chỉ được {most} ký tự; hãy rút ngắn trong tệp rồi nhập lại (không có gì bị cắt bớt)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="155" />
      <source>two people in one cell? ("{first}" and "{second}"): split them into two rows</source>
      <translation>hai người trong một ô? ("{first}" và "{second}"): hãy tách thành hai dòng</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="356" />
      <source>typed in the old {encoding} encoding, read as Unicode: {columns} (e.g. "{typed}" → "{read}")</source>
      <translation>gõ bằng bảng mã cũ {encoding}, đã chuyển sang Unicode: {columns} (ví dụ "{typed}" → "{read}")</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="164" />
      <source>unreadable value ({detail})</source>
      <translation>giá trị không đọc được ({detail})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="62" />
      <source>updates #{id}: {changes}</source>
      <translation>cập nhật #{id}: {changes}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="81" />
      <source>{by} already logged “{title}” with {shared} at {at} (#{id})</source>
      <translation>{by} đã ghi cuộc họp “{title}” với {shared} lúc {at} (#{id})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="78" />
      <source>{by} already logged “{title}” with {shared} at {at} (#{id}, logged {when})</source>
      <translation>{by} đã ghi cuộc họp “{title}” với {shared} lúc {at} (#{id}, ghi lúc {when})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="70" />
      <source>{count} contacts are called "{name}": linked to #{id}; write "Name &lt;email&gt;" to name another</source>
      <translation>có {count} liên hệ tên "{name}": đã gắn với #{id}; ghi "Tên &lt;email&gt;" để chọn người khác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="165" />
      <source>{detail}</source>
      <translation>{detail}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="545" />
      <source>{entity} "{name}" (#{id}) is listed by import #{batch} ({file}), which stands; kept</source>
      <translation>{entity} "{name}" (#{id}) có trong lần nhập #{batch} ({file}), lần nhập này vẫn còn hiệu lực; giữ lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="542" />
      <source>{entity} "{name}" (#{id}) is used by {user} "{user_name}" (#{user_id}); kept</source>
      <translation>{entity} "{name}" (#{id}) đang được {user} "{user_name}" (#{user_id}) dùng; giữ lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="564" />
      <source>{entity} "{name}" (#{id}) was deleted after the import: left in the trash</source>
      <translation>{entity} "{name}" (#{id}) đã bị xoá sau khi nhập: để nguyên trong thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="539" />
      <source>{entity} "{name}" (#{id}) was edited after the import; kept</source>
      <translation>{entity} "{name}" (#{id}) đã được sửa sau khi nhập; giữ lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="559" />
      <source>{entity} "{name}" (#{id}) was merged into #{into_id} "{into_name}" on {at}, after the import, and #{into_id} is in the trash: it stays merged</source>
      <translation>{entity} "{name}" (#{id}) đã được gộp vào #{into_id} "{into_name}" ngày {at}, sau khi nhập, và #{into_id} đang ở trong thùng rác: giữ nguyên việc gộp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="554" />
      <source>{entity} "{name}" (#{id}) was merged into #{into_id} "{into_name}" on {at}, after the import: it stays merged, its data is in #{into_id}</source>
      <translation>{entity} "{name}" (#{id}) đã được gộp vào #{into_id} "{into_name}" ngày {at}, sau khi nhập: giữ nguyên việc gộp, dữ liệu của bản ghi này nằm ở #{into_id}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="549" />
      <source>{entity} "{name}" (#{id}): {user} "{user_name}" (#{user_id}), which is kept, still refers to it; kept</source>
      <translation>{entity} "{name}" (#{id}): {user} "{user_name}" (#{user_id}), được giữ lại, vẫn liên kết tới bản ghi này; giữ lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="552" />
      <source>{entity} #{id}: {field} was changed after the import; kept</source>
      <translation>{entity} #{id}: {field} đã sửa sau khi nhập; giữ nguyên</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="520" />
      <source>{file} changed since the preview</source>
      <translation>{file} đã thay đổi sau khi xem trước</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="410" />
      <source>{file} is a folder, not a file</source>
      <translation>{file} là thư mục, không phải tệp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="444" />
      <source>{file} is a web page (HTML or XML) named .xls: open it in Excel and save it as .xlsx</source>
      <translation>{file} là trang web (HTML/XML) đặt tên .xls; hãy mở bằng Excel rồi lưu lại dạng .xlsx</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="412" />
      <source>{file} is not an ordinary file (a pipe, a device or a socket): choose the file to import itself</source>
      <translation>{file} không phải là một tệp thông thường (mà là ống dẫn, thiết bị hoặc socket): hãy chọn chính tệp cần nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="416" />
      <source>{file} is the Ketnoi database open in this program, not a spreadsheet to import</source>
      <translation>{file} là cơ sở dữ liệu Ketnoi đang mở trong chương trình này, không phải bảng tính để nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="440" />
      <source>{file} is {kind} named {suffix}: rename it to end in {expected} and import it again</source>
      <translation>{file} là {kind} nhưng lại mang đuôi {suffix}: hãy đổi tên tệp sang đuôi {expected} rồi nhập lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="487" />
      <source>{file}, row {at} (line {line}): a quote (") opens a cell that never closes, so the rest of the file would be read as that one cell; nothing was read: close the quote or remove it</source>
      <translation>{file}, dòng dữ liệu {at} (dòng {line} của tệp): một dấu ngoặc kép (") mở một ô mà không đóng lại, nên phần còn lại của tệp sẽ bị đọc thành một ô; chưa đọc gì: hãy đóng hoặc xoá dấu ngoặc kép đó</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="479" />
      <source>{file}, sheet "{sheet_name}", row {at}: cannot be read, the file is damaged there ({detail})</source>
      <translation>{file}, trang "{sheet_name}", dòng {at}: không đọc được, tệp bị hỏng ở chỗ này ({detail})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="460" />
      <source>{file}, sheet "{sheet_name}": cannot be read ({detail})</source>
      <translation>{file}, trang "{sheet_name}": không đọc được ({detail})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="464" />
      <source>{file}, sheet "{sheet_name}": cannot be read: cell {cell} holds a value Excel does not write ("{value}"); correct it in Excel and save the file, then import it again</source>
      <translation>{file}, trang "{sheet_name}": không đọc được: ô {cell} chứa giá trị Excel không ghi ra ("{value}"); hãy sửa ô này trong Excel, lưu tệp rồi nhập lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="394" />
      <source>{file}, sheet "{sheet_name}": cannot tell what the sheet holds: choose contacts, organisations, meetings or actions</source>
      <translation>{file}, trang "{sheet_name}": không nhận ra loại dữ liệu; hãy chọn liên hệ, tổ chức, cuộc họp hoặc việc</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="397" />
      <source>{file}, sheet "{sheet_name}": no column is mapped to a field</source>
      <translation>{file}, trang "{sheet_name}": chưa ghép cột nào</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="508" />
      <source>{file}, sheet "{sheet_name}": no header row (such as "Họ và tên", "Email") found in the first {rows} rows</source>
      <translation>{file}, trang "{sheet_name}": không tìm thấy dòng tiêu đề cột (ví dụ "Họ và tên", "Email") trong {rows} dòng đầu</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="495" />
      <source>{file}, sheet "{sheet_name}": the sheet is empty</source>
      <translation>{file}, trang "{sheet_name}": trang tính trống</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="457" />
      <source>{file}, sheet "{sheet_name}": the sheet is too large to be a contact list ({gb} GB of XML; Ketnoi reads sheets up to {most} GB)</source>
      <translation>{file}, trang "{sheet_name}": quá lớn ({gb} GB XML; Ketnoi đọc trang tối đa {most} GB)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="451" />
      <source>{file}: cannot be read ({detail})</source>
      <translation>{file}: không đọc được ({detail})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="462" />
      <source>{file}: malformed CSV ({detail})</source>
      <translation>{file}: CSV hỏng ({detail})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="494" />
      <source>{file}: no contact card (BEGIN:VCARD … END:VCARD) in the file</source>
      <translation>{file}: không có thẻ liên hệ nào (BEGIN:VCARD … END:VCARD) trong tệp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="400" />
      <source>{file}: no row could be read</source>
      <translation>{file}: không đọc được dòng nào</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="454" />
      <source>{file}: no sheet named "{sheet_name}" (there are: {names})</source>
      <translation>{file}: không có trang "{sheet_name}" (có: {names})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="461" />
      <source>{file}: not a CSV text file (it holds binary data)</source>
      <translation>{file}: không phải tệp văn bản CSV (có dữ liệu nhị phân)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="427" />
      <source>{file}: not a file Ketnoi imports (.xlsx, .xlsm, .xls, .ods, .csv, .txt, .tsv or .vcf)</source>
      <translation>{file}: Ketnoi không nhập loại tệp này (chỉ nhập .xlsx, .xlsm, .xls, .ods, .csv, .txt, .tsv hoặc .vcf)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="425" />
      <source>{file}: not an Excel workbook</source>
      <translation>{file}: không phải bảng tính Excel</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="512" />
      <source>{file}: reading took more than {seconds} s and was stopped: not an ordinary spreadsheet</source>
      <translation>{file}: đọc quá {seconds} giây, đã dừng: không phải bảng tính thông thường</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="483" />
      <source>{file}: saved as "Strict Open XML Spreadsheet", which Ketnoi cannot read: open it in Excel and save it as "Excel Workbook (.xlsx)"</source>
      <translation>{file}: được lưu ở dạng "Strict Open XML Spreadsheet", Ketnoi không đọc được: hãy mở bằng Excel và lưu lại ở dạng "Excel Workbook (.xlsx)"</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="516" />
      <source>{file}: the file is damaged or asks for more memory than a spreadsheet needs: it cannot be read</source>
      <translation>{file}: tệp hỏng hoặc quá lớn, không đọc được</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="423" />
      <source>{file}: the file is empty</source>
      <translation>{file}: tệp rỗng</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="436" />
      <source>{file}: the name ends in {suffix}, but the content is another kind of file (renamed?)</source>
      <translation>{file}: tên có đuôi {suffix} nhưng nội dung là loại tệp khác (bị đổi tên?)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="399" />
      <source>{file}: the workbook has no sheets</source>
      <translation>{file}: không có trang tính nào</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="452" />
      <source>{file}: the workbook has no worksheet</source>
      <translation>{file}: không có trang tính nào</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="424" />
      <source>{file}: the workbook is damaged ({detail})</source>
      <translation>{file}: tệp Excel bị hỏng ({detail})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="406" />
      <source>{file}: the workbook is password-protected or not a spreadsheet: remove the password and save it as .xlsx</source>
      <translation>{file}: tệp có mật khẩu hoặc không phải bảng tính; hãy bỏ mật khẩu và lưu lại dạng .xlsx</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="402" />
      <source>{file}: the workbook is password-protected: remove the password and save it again</source>
      <translation>{file}: tệp có mật khẩu; hãy bỏ mật khẩu rồi lưu lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="448" />
      <source>{file}: the workbook unpacks to {gb} GB from {mb} MB: not an ordinary spreadsheet, so it is not read</source>
      <translation>{file}: tệp giải nén ra {gb} GB từ {mb} MB, không phải bảng tính thông thường nên không đọc</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="506" />
      <source>{file}: {count} sheets are empty ({sheet_name})</source>
      <translation>{file}: {count} trang tính trống ({sheet_name})</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="491" />
      <source>{file}: {mb} MB is too large for a contacts file (vCard; Ketnoi reads up to {most} MB)</source>
      <translation>{file}: {mb} MB, quá lớn với một tệp danh bạ vCard (Ketnoi đọc tối đa {most} MB)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="88" />
      <source>{old} became {new} on {since}: the action is filed under {new}</source>
      <translation>{old} đã trở thành {new} từ ngày {since}: việc được ghi cho {new}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="91" />
      <source>{old} became {new} on {since}: the contact is filed under {new}</source>
      <translation>{old} đã trở thành {new} từ ngày {since}: liên hệ được ghi thuộc {new}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="85" />
      <source>{old} became {new} on {since}: the meeting is filed under {new}</source>
      <translation>{old} đã trở thành {new} từ ngày {since}: cuộc họp được ghi với {new}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="94" />
      <source>{old} became {new} on {since}: the parent organisation is {new}</source>
      <translation>{old} đã trở thành {new} từ ngày {since}: tổ chức cấp trên được ghi là {new}</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="97" />
      <source>{old} was split into {names} on {since}: kept as {old}; write the one it was with</source>
      <translation>{old} đã chia tách thành {names} từ ngày {since}: vẫn ghi {old}; hãy ghi tổ chức đúng</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="306" />
      <source>{units} of {values} values of column {header} are departments, with no organisation named ({examples}): your own</source>
      <translation>{units} trên {values} giá trị ở cột {header} là phòng ban, không ghi tổ chức nào ({examples}): đơn vị của mình</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="257" />
      <source>{value} is a yes/no (checkbox) value, not what this column should hold: left out; check that the column is mapped to the right field</source>
      <translation>{value} là giá trị có/không (ô đánh dấu), không phải nội dung cột này cần: đã bỏ qua; hãy kiểm tra cột đã được ghép đúng trường chưa</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="252" />
      <source>{value} is a yes/no (checkbox) value, not what this column should hold: the row is not imported; check that the column is mapped to the right field</source>
      <translation>{value} là giá trị có/không (ô đánh dấu), không phải nội dung cột này cần: dòng này không được nhập; hãy kiểm tra cột đã được ghép đúng trường chưa</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="226" />
      <source>{value} is after today ({today}): a last contact cannot be in the future</source>
      <translation>{value} là ngày sau hôm nay ({today}): lần liên hệ gần nhất không thể ở tương lai</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="229" />
      <source>{value} is after today ({today}): a last contact cannot be in the future; not applied, kept in the notes as typed</source>
      <translation>{value} là ngày sau hôm nay ({today}): lần liên hệ gần nhất không thể ở tương lai; không áp dụng, đã ghi vào ghi chú như đã nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="176" />
      <source>{value} is not a number from 1 to 5</source>
      <translation>{value} không phải số từ 1 đến 5</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="83" />
      <source>“{title}” with {shared} at {at} is already logged (#{id})</source>
      <translation>Cuộc họp “{title}” với {shared} lúc {at} đã được ghi (#{id})</translation>
    </message>
  </context>
  <context>
    <name>ImportTerm</name>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="612" />
      <source>acronym</source>
      <translation>viết tắt</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="630" />
      <source>action</source>
      <translation>việc</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="613" />
      <source>alias</source>
      <translation>tên khác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="607" />
      <source>an Excel 97-2003 workbook (.xls)</source>
      <translation>bảng tính Excel 97-2003 (.xls)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="606" />
      <source>an Excel workbook (.xlsx)</source>
      <translation>bảng tính Excel (.xlsx)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="608" />
      <source>an OpenDocument spreadsheet (.ods)</source>
      <translation>bảng tính OpenDocument (.ods)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="633" />
      <source>attached file</source>
      <translation>tệp đính kèm</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="636" />
      <source>confidential mark (Yes, or blank)</source>
      <translation>dấu mật (Có, hoặc để trống)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="627" />
      <source>contact</source>
      <translation>liên hệ</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="625" />
      <source>direction</source>
      <translation>chiều</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="609" />
      <source>email</source>
      <translation>email</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="623" />
      <source>kind</source>
      <translation>loại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="632" />
      <source>letter</source>
      <translation>công văn</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="629" />
      <source>meeting</source>
      <translation>cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="634" />
      <source>name</source>
      <translation>họ tên</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="611" />
      <source>name and organisation</source>
      <translation>họ tên và đơn vị</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="614" />
      <source>names in another order</source>
      <translation>họ tên viết theo thứ tự khác</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="628" />
      <source>organisation</source>
      <translation>tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="610" />
      <source>phone</source>
      <translation>số điện thoại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="626" />
      <source>priority</source>
      <translation>mức ưu tiên</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="631" />
      <source>staff member</source>
      <translation>cán bộ</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="624" />
      <source>status</source>
      <translation>trạng thái</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="604" />
      <source>the Windows Vietnamese code page (Windows-1258)</source>
      <translation>bảng mã Windows tiếng Việt (Windows-1258)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="605" />
      <source>the Windows Western code page (Windows-1252)</source>
      <translation>bảng mã Windows Tây Âu (Windows-1252)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="620" />
      <source>the same family and given names, middle names not contradicting</source>
      <translation>cùng họ và tên, tên đệm không khác nhau</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="617" />
      <source>the same name with other accents, at the same organisation</source>
      <translation>cùng họ tên nhưng khác dấu, cùng đơn vị</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="615" />
      <source>the same name, one without an organisation</source>
      <translation>cùng họ tên, một bên không ghi đơn vị</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="635" />
      <source>time and organisation or attendee</source>
      <translation>giờ họp và tổ chức hoặc người tham dự</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/messages.py" line="622" />
      <source>title</source>
      <translation>tiêu đề</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <location filename="../../ui/import_wizard/wizard.py" line="284" />
      <source>&amp;Discard</source>
      <translation>&amp;Bỏ</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/wizard.py" line="285" />
      <source>&amp;Keep working</source>
      <translation>&amp;Tiếp tục làm</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/wizard.py" line="263" />
      <source>Discard this import? %1 rows checked and ready will not be imported.</source>
      <translation>Bỏ lần nhập này? %1 dòng đã kiểm tra và sẵn sàng sẽ không được nhập.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/wizard.py" line="267" />
      <source>Discard this import? The preview being computed will be lost.</source>
      <translation>Bỏ lần nhập này? Bản xem trước đang tính sẽ mất.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/wizard.py" line="254" />
      <source>Discard this import? Writing stops and nothing is written.</source>
      <translation>Bỏ lần nhập này? Việc ghi sẽ dừng và không có gì được ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/wizard.py" line="52" />
      <source>Import a spreadsheet</source>
      <translation>Nhập dữ liệu từ bảng tính</translation>
    </message>
  </context>
  <context>
    <name>InvitationDialog</name>
    <message>
      <location filename="../../ui/calendar_files.py" line="386" />
      <source>Add as contact: %1</source>
      <translation>Thêm làm người liên hệ: %1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="435" />
      <source>Agenda</source>
      <translation>Chương trình họp</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="413" />
      <source>Attendees:</source>
      <translation>Người tham dự:</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="402" />
      <source>Create meeting</source>
      <translation>Tạo cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="349" />
      <source>Creates a planned meeting:</source>
      <translation>Sẽ tạo một cuộc họp dự kiến:</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="433" />
      <source>Ends</source>
      <translation>Kết thúc</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="335" />
      <source>Import calendar invitation</source>
      <translation>Nhập lời mời lịch</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="441" />
      <source>Kept as logged: %1</source>
      <translation>Giữ nguyên như đã ghi: %1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="344" />
      <source>Link the invitation to meeting #%1? Its updates and cancellation will then apply to it; its title stays as logged.</source>
      <translation>Gắn lời mời với cuộc họp #%1? Khi đó các cập nhật và việc huỷ của lời mời sẽ áp dụng cho cuộc họp này; tiêu đề giữ nguyên như đã ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="396" />
      <source>Link to it</source>
      <translation>Gắn với cuộc họp đó</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="367" />
      <location filename="../../ui/calendar_files.py" line="434" />
      <source>Location</source>
      <translation>Địa điểm</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="398" />
      <source>New meeting</source>
      <translation>Tạo cuộc họp mới</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="438" />
      <source>No change to the title, time, location or agenda.</source>
      <translation>Không thay đổi tiêu đề, thời gian, địa điểm hay chương trình họp.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="368" />
      <source>Organiser</source>
      <translation>Người tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="432" />
      <source>Starts</source>
      <translation>Bắt đầu</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="393" />
      <source>That meeting is in the trash: importing brings it back.</source>
      <translation>Cuộc họp đó đang ở thùng rác: nhập sẽ khôi phục nó.</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="365" />
      <location filename="../../ui/calendar_files.py" line="431" />
      <source>Title</source>
      <translation>Tiêu đề</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="402" />
      <source>Update meeting</source>
      <translation>Cập nhật cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="351" />
      <source>Updates meeting #%1 (imported from this invitation before):</source>
      <translation>Sẽ cập nhật cuộc họp #%1 (đã nhập từ lời mời này trước đây):</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="366" />
      <source>When</source>
      <translation>Thời gian</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="378" />
      <source>✓ %1 (contact #%2)</source>
      <translation>✓ %1 (người liên hệ #%2)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar_files.py" line="383" />
      <source>✓ %1 (our staff)</source>
      <translation>✓ %1 (cán bộ bên ta)</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../../ui/labels.py" line="208" />
      <location filename="../../ui/labels.py" line="70" />
      <source>Acronym</source>
      <translation>Tên viết tắt</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="100" />
      <location filename="../../ui/labels.py" line="250" />
      <source>Action</source>
      <translation>Việc cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="101" />
      <source>Actions</source>
      <translation>Việc cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="239" />
      <source>Active</source>
      <translation>Đang làm việc</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="275" />
      <source>Added by</source>
      <translation>Người thêm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="213" />
      <source>Address</source>
      <translation>Địa chỉ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="262" />
      <source>Addressed to (kính gửi)</source>
      <translation>Kính gửi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="116" />
      <source>Agency</source>
      <translation>Cơ quan</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="231" />
      <source>Agenda</source>
      <translation>Chương trình họp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="270" />
      <source>Attached to</source>
      <translation>Đính kèm vào</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="104" />
      <source>Attachment</source>
      <translation>Tệp đính kèm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="105" />
      <source>Attachments</source>
      <translation>Tệp đính kèm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="234" />
      <location filename="../../ui/labels.py" line="236" />
      <source>Attendees</source>
      <translation>Thành phần tham dự</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="143" />
      <location filename="../../ui/labels.py" line="157" />
      <source>Call</source>
      <translation>Cuộc gọi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="173" />
      <source>Cancelled</source>
      <translation>Đã huỷ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="181" />
      <source>Chair</source>
      <translation>Chủ trì</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="274" />
      <source>Checksum (SHA-256)</source>
      <translation>Mã kiểm tra (SHA-256)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="211" />
      <location filename="../../ui/labels.py" line="73" />
      <source>City</source>
      <translation>Tỉnh/thành phố</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="247" />
      <source>Completed on</source>
      <translation>Ngày hoàn thành</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="245" />
      <source>Confidential</source>
      <translation>Mật</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="249" />
      <location filename="../../ui/labels.py" line="96" />
      <source>Contact</source>
      <translation>Người liên hệ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="97" />
      <source>Contacts</source>
      <translation>Liên hệ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="266" />
      <source>Copies to</source>
      <translation>Nơi nhận khác</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="212" />
      <source>Country</source>
      <translation>Quốc gia</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="258" />
      <source>Date of the letter</source>
      <translation>Ngày văn bản</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="233" />
      <source>Decisions</source>
      <translation>Kết luận</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="222" />
      <location filename="../../ui/labels.py" line="84" />
      <source>Direction</source>
      <translation>Bên thực hiện</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="155" />
      <source>Document</source>
      <translation>Văn bản</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="172" />
      <source>Done</source>
      <translation>Đã xong</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="282" />
      <source>Draft</source>
      <translation>Dự thảo</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="225" />
      <location filename="../../ui/labels.py" line="83" />
      <source>Due</source>
      <translation>Hạn</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="146" />
      <source>E-mail</source>
      <translation>Thư điện tử</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="238" />
      <location filename="../../ui/labels.py" line="78" />
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="202" />
      <source>Emails</source>
      <translation>Email</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="246" />
      <source>Ends</source>
      <translation>Kết thúc</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="207" />
      <source>English name</source>
      <translation>Tên tiếng Anh</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="117" />
      <source>Enterprise</source>
      <translation>Doanh nghiệp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="144" />
      <source>Event</source>
      <translation>Sự kiện</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="241" />
      <source>Family name</source>
      <translation>Họ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="271" />
      <source>File name</source>
      <translation>Tên tệp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="272" />
      <source>File type</source>
      <translation>Loại tệp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="197" />
      <source>Files</source>
      <translation>Tệp đính kèm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="198" />
      <source>Full name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="243" />
      <source>Given name</source>
      <translation>Tên</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="190" />
      <source>High</source>
      <translation>Cao</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="199" />
      <source>Honorific</source>
      <translation>Danh xưng</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="170" />
      <source>In progress</source>
      <translation>Đang thực hiện</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="267" />
      <source>In reply to</source>
      <translation>Trả lời văn bản</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="292" />
      <source>Incoming</source>
      <translation>Công văn đến</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="218" />
      <source>Influence (1–5)</source>
      <translation>Mức ảnh hưởng (1–5)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="219" />
      <source>Interest (1–5)</source>
      <translation>Mức quan tâm (1–5)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="122" />
      <source>International partner</source>
      <translation>Đối tác quốc tế</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="156" />
      <source>Introduction</source>
      <translation>Giới thiệu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="298" />
      <source>Introduction letter</source>
      <translation>Thư giới thiệu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="123" />
      <source>Investor</source>
      <translation>Nhà đầu tư</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="299" />
      <source>Invitation</source>
      <translation>Giấy mời</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="209" />
      <location filename="../../ui/labels.py" line="71" />
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="259" />
      <source>Kind of letter</source>
      <translation>Loại thư</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="215" />
      <source>Last contacted</source>
      <translation>Liên hệ gần nhất</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="106" />
      <location filename="../../ui/labels.py" line="154" />
      <source>Letter</source>
      <translation>Công văn</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="107" />
      <source>Letters</source>
      <translation>Công văn</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="230" />
      <location filename="../../ui/labels.py" line="82" />
      <source>Location</source>
      <translation>Địa điểm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="253" />
      <source>Login</source>
      <translation>Tên đăng nhập</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="190" />
      <source>Low</source>
      <translation>Thấp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="141" />
      <location filename="../../ui/labels.py" line="248" />
      <location filename="../../ui/labels.py" line="98" />
      <source>Meeting</source>
      <translation>Cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="99" />
      <source>Meetings</source>
      <translation>Cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="242" />
      <source>Middle name</source>
      <translation>Tên đệm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="115" />
      <source>Ministry</source>
      <translation>Bộ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="232" />
      <source>Minutes</source>
      <translation>Biên bản</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="206" />
      <location filename="../../ui/labels.py" line="69" />
      <source>Name</source>
      <translation>Tên</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="121" />
      <source>Network / association</source>
      <translation>Mạng lưới / hiệp hội</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="190" />
      <source>Normal</source>
      <translation>Bình thường</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="183" />
      <source>Note taker</source>
      <translation>Thư ký</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="205" />
      <source>Notes</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="255" />
      <source>Number</source>
      <translation>Số</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="184" />
      <source>Observer</source>
      <translation>Quan sát viên</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="169" />
      <source>Open</source>
      <translation>Đang mở</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="201" />
      <location filename="../../ui/labels.py" line="76" />
      <location filename="../../ui/labels.py" line="94" />
      <source>Organisation</source>
      <translation>Tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="235" />
      <location filename="../../ui/labels.py" line="237" />
      <location filename="../../ui/labels.py" line="77" />
      <location filename="../../ui/labels.py" line="95" />
      <source>Organisations</source>
      <translation>Tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="124" />
      <source>Other</source>
      <translation>Khác</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="302" />
      <source>Other letter</source>
      <translation>Công văn khác</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="244" />
      <source>Other names</source>
      <translation>Tên gọi khác</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="251" />
      <source>Our staff</source>
      <translation>Cán bộ bên ta</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="292" />
      <source>Outgoing</source>
      <translation>Công văn đi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="74" />
      <source>Owner</source>
      <translation>Phụ trách</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="210" />
      <source>Part of</source>
      <translation>Trực thuộc</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="180" />
      <source>Participant</source>
      <translation>Thành viên</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="79" />
      <source>Phone</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="203" />
      <source>Phones</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="200" />
      <location filename="../../ui/labels.py" line="75" />
      <source>Position</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="182" />
      <source>Presenter</source>
      <translation>Người trình bày</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="227" />
      <source>Priority</source>
      <translation>Mức ưu tiên</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="285" />
      <source>Received</source>
      <translation>Đã nhận</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="228" />
      <source>Reference</source>
      <translation>Số hiệu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="220" />
      <source>Relationship owner</source>
      <translation>Cán bộ phụ trách</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="286" />
      <source>Replied</source>
      <translation>Đã trả lời</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="301" />
      <source>Reply</source>
      <translation>Phúc đáp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="269" />
      <source>Reply by</source>
      <translation>Hạn trả lời</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="120" />
      <source>Research institute</source>
      <translation>Viện nghiên cứu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="86" />
      <source>Responsible</source>
      <translation>Người thực hiện</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="224" />
      <source>Responsible (them)</source>
      <translation>Người thực hiện (đối tác)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="223" />
      <source>Responsible (us)</source>
      <translation>Người thực hiện (bên ta)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="254" />
      <source>Role</source>
      <translation>Vai trò</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="217" />
      <location filename="../../ui/labels.py" line="72" />
      <source>Sectors</source>
      <translation>Lĩnh vực</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="284" />
      <source>Sent</source>
      <translation>Đã gửi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="252" />
      <source>Shared with</source>
      <translation>Chia sẻ với</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="283" />
      <source>Signed</source>
      <translation>Đã ký</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="264" />
      <source>Signer</source>
      <translation>Người ký</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="263" />
      <source>Signer's post</source>
      <translation>Chức vụ người ký</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="273" />
      <source>Size</source>
      <translation>Dung lượng</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="214" />
      <source>Source</source>
      <translation>Nguồn</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="103" />
      <source>Staff</source>
      <translation>Cán bộ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="102" />
      <source>Staff member</source>
      <translation>Cán bộ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="118" />
      <source>Start-up</source>
      <translation>Khởi nghiệp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="226" />
      <location filename="../../ui/labels.py" line="85" />
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="260" />
      <source>Subject</source>
      <translation>Trích yếu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="261" />
      <source>Subject in English</source>
      <translation>Trích yếu tiếng Anh</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="256" />
      <source>Symbol</source>
      <translation>Ký hiệu</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="204" />
      <source>Tags</source>
      <translation>Nhãn</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="153" />
      <source>Task</source>
      <translation>Nhiệm vụ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="265" />
      <source>Text</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="300" />
      <source>Thank-you letter</source>
      <translation>Thư cảm ơn</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="163" />
      <source>They owe</source>
      <translation>Đối tác cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="221" />
      <location filename="../../ui/labels.py" line="81" />
      <source>Title</source>
      <translation>Tiêu đề</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="268" />
      <source>To (post)</source>
      <translation>Gửi (chức vụ)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="119" />
      <source>University</source>
      <translation>Trường đại học</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="145" />
      <source>Visit</source>
      <translation>Chuyến thăm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="171" />
      <source>Waiting</source>
      <translation>Đang chờ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="163" />
      <source>We owe</source>
      <translation>Bên ta cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="216" />
      <source>Website</source>
      <translation>Trang web</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="229" />
      <location filename="../../ui/labels.py" line="80" />
      <source>When</source>
      <translation>Thời gian</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="142" />
      <source>Working session</source>
      <translation>Buổi làm việc</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="257" />
      <source>Year</source>
      <translation>Năm</translation>
    </message>
  </context>
  <context>
    <name>Letters</name>
    <message>
      <location filename="../../ui/letters.py" line="99" />
      <source>(draft)</source>
      <translation>(dự thảo)</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="82" />
      <source>(none: the person or organisation above)</source>
      <translation>(không: người hoặc tổ chức ở trên)</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="108" />
      <source>+5 working days</source>
      <translation>+5 ngày làm việc</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="148" />
      <source>Addressed to (kính gửi)</source>
      <translation>Kính gửi</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="120" />
      <source>All directions</source>
      <translation>Đi và đến</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="124" />
      <source>Any status</source>
      <translation>Mọi trạng thái</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="129" />
      <source>Any year</source>
      <translation>Mọi năm</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="175" />
      <source>Attach scan…</source>
      <translation>Đính kèm bản quét…</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="463" />
      <source>Attach the signed scan</source>
      <translation>Đính kèm bản quét đã ký</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="479" />
      <source>Attach to letter “%1”</source>
      <translation>Đính kèm vào công văn “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="480" />
      <source>Attached: %1</source>
      <translation>Đã đính kèm: %1</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="90" />
      <source>Confidential: drafted from a confidential meeting or action</source>
      <translation>Mật: soạn từ một cuộc họp hoặc một việc mật</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="151" />
      <source>Copies to</source>
      <translation>Nơi nhận khác</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="133" />
      <location filename="../../ui/letters.py" line="71" />
      <location filename="../../ui/workdays.py" line="75" />
      <source>Date</source>
      <translation>Ngày</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="112" />
      <source>Default: the office's (e.g. KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)</source>
      <translation>Mặc định: của cơ quan (vd. KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="177" />
      <source>Delete</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="380" />
      <source>Delete letter “%1”</source>
      <translation>Xóa công văn “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="72" />
      <source>Direction</source>
      <translation>Loại</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="419" />
      <source>Draft written: %1 and %2</source>
      <translation>Đã ghi dự thảo: %1 và %2</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="321" />
      <source>Drafting unit (for “Lưu: VT, …”)</source>
      <translation>Đơn vị soạn thảo (cho “Lưu: VT, …”)</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="174" />
      <source>Draft…</source>
      <translation>Soạn dự thảo…</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="170" />
      <source>Edit</source>
      <translation>Sửa</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="58" />
      <source>Edit letter</source>
      <translation>Sửa công văn</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="265" />
      <source>Edit letter “%1”</source>
      <translation>Sửa công văn “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="119" />
      <source>Empty: the template's text is used</source>
      <translation>Để trống: dùng nội dung của mẫu</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="161" />
      <source>English</source>
      <translation>Tiếng Anh</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="69" />
      <source>For the English variant (optional)</source>
      <translation>Cho bản tiếng Anh (không bắt buộc)</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="140" />
      <source>From (organisation)</source>
      <translation>Nơi gửi (tổ chức)</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="141" />
      <source>From (person)</source>
      <translation>Người gửi</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="350" />
      <source>Give “%1” the next number of the register? A number, once given, is not given back.</source>
      <translation>Cấp số tiếp theo trong sổ cho “%1”? Số đã cấp sẽ không được thu hồi.</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="316" />
      <source>Issuing body (tên cơ quan)</source>
      <translation>Tên cơ quan ban hành</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="325" />
      <source>Issuing body, English</source>
      <translation>Tên cơ quan (tiếng Anh)</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="317" />
      <source>Its name in a sentence</source>
      <translation>Tên cơ quan trong câu văn</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="326" />
      <source>Its name in a sentence, English</source>
      <translation>Tên trong câu văn (tiếng Anh)</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="144" />
      <location filename="../../ui/workdays.py" line="75" />
      <source>Kind</source>
      <translation>Loại thư</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="131" />
      <source>Late replies</source>
      <translation>Quá hạn trả lời</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="118" />
      <source>Letters</source>
      <translation>Công văn</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="335" />
      <source>Lines of the signer's post are separated by “ / ”.</source>
      <translation>Các dòng của chức vụ người ký cách nhau bằng “ / ”.</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="173" />
      <source>Mark replied</source>
      <translation>Đánh dấu đã trả lời</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="172" />
      <source>Mark sent</source>
      <translation>Đánh dấu đã gửi</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="381" />
      <source>Moved to the trash. Edit → Undo brings it back.</source>
      <translation>Đã chuyển vào thùng rác. Sửa → Hoàn tác để lấy lại.</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="90" />
      <source>Name (optional)</source>
      <translation>Họ tên (không bắt buộc)</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="76" />
      <location filename="../../ui/reorg.py" line="117" />
      <source>Name or acronym</source>
      <translation>Tên hoặc tên viết tắt</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="169" />
      <source>New incoming</source>
      <translation>Công văn đến mới</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="60" />
      <source>New incoming letter</source>
      <translation>Công văn đến mới</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="265" />
      <source>New letter “%1”</source>
      <translation>Thêm công văn “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="168" />
      <source>New outgoing</source>
      <translation>Công văn đi mới</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="62" />
      <source>New outgoing letter</source>
      <translation>Công văn đi mới</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="421" />
      <source>No officer in charge: the contact person is left blank (……) on the draft.</source>
      <translation>Chưa có cán bộ phụ trách: người đầu mối để trống (……) trong dự thảo, cần điền trước khi ký.</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="153" />
      <location filename="../../ui/posts_dialog.py" line="225" />
      <source>Notes</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="70" />
      <source>Number</source>
      <translation>Số, ký hiệu</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="132" />
      <source>Number and symbol</source>
      <translation>Số và ký hiệu</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="134" />
      <source>Number, subject, addressee…</source>
      <translation>Số, trích yếu, nơi nhận…</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="176" />
      <source>Office…</source>
      <translation>Cơ quan…</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="116" />
      <source>Other recipients, one a line (Nơi nhận)</source>
      <translation>Nơi nhận khác, mỗi dòng một nơi</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="315" />
      <source>Parent body (cơ quan chủ quản)</source>
      <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="324" />
      <source>Parent body, English</source>
      <translation>Cơ quan chủ quản (tiếng Anh)</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="319" />
      <source>Place (địa danh)</source>
      <translation>Địa danh</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="327" />
      <source>Place, English</source>
      <translation>Địa danh (tiếng Anh)</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="320" />
      <source>Register symbol</source>
      <translation>Ký hiệu sổ công văn</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="106" />
      <location filename="../../ui/letters.py" line="76" />
      <source>Reply by</source>
      <translation>Hạn trả lời</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="398" />
      <source>Save the draft</source>
      <translation>Lưu dự thảo</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="318" />
      <source>Short name</source>
      <translation>Tên viết tắt</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="171" />
      <source>Sign (give number)</source>
      <translation>Ký (cấp số)</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="349" />
      <source>Sign the letter</source>
      <translation>Ký công văn</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="357" />
      <source>Signed: No. %1</source>
      <translation>Đã ký: Số %1</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="150" />
      <source>Signer</source>
      <translation>Người ký</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="322" />
      <source>Signer's authority and post</source>
      <translation>Quyền hạn, chức vụ người ký</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="149" />
      <source>Signer's post</source>
      <translation>Chức vụ người ký</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="328" />
      <source>Signer's post, English</source>
      <translation>Chức vụ người ký (tiếng Anh)</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="75" />
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="130" />
      <location filename="../../ui/letters.py" line="73" />
      <source>Subject</source>
      <translation>Trích yếu</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="143" />
      <source>Subject in English</source>
      <translation>Trích yếu tiếng Anh</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="152" />
      <source>Text</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="428" />
      <source>The action is confidential: its title is not in the letter (a neutral subject instead).</source>
      <translation>Việc này là việc mật: tiêu đề của việc không được đưa vào công văn (thay bằng trích yếu chung).</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="424" />
      <source>The meeting is confidential: its title, agenda and people are not in the letter (it names the meeting by its date only).</source>
      <translation>Cuộc họp này là cuộc họp mật: tiêu đề, chương trình và người tham dự không được đưa vào công văn (công văn chỉ nêu ngày của buổi làm việc).</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="431" />
      <source>The meeting's title names a confidential person: those words are not in the letter.</source>
      <translation>Tiêu đề cuộc họp nêu tên người được bảo mật: những chữ đó không được đưa vào công văn.</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="308" />
      <source>The office that writes the letters</source>
      <translation>Cơ quan ban hành công văn</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="145" />
      <source>To (organisation)</source>
      <translation>Nơi nhận (tổ chức)</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="146" />
      <source>To (person)</source>
      <translation>Người nhận</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="147" />
      <source>To (post)</source>
      <translation>Gửi (chức vụ)</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="74" />
      <source>To / from</source>
      <translation>Nơi nhận / gửi</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="323" />
      <source>Usual signer</source>
      <translation>Người ký thường xuyên</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="160" />
      <source>Vietnamese</source>
      <translation>Tiếng Việt</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="67" />
      <source>What it is about (trích yếu)</source>
      <translation>Trích yếu nội dung</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="398" />
      <source>Word documents (*.docx)</source>
      <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
      <location filename="../../ui/letters.py" line="441" />
      <source>Writing the draft…</source>
      <translation>Đang soạn dự thảo…</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="93" />
      <source>Written out, when neither the contact nor the organisation fits</source>
      <translation>Ghi cụ thể khi không dùng người liên hệ hay tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/letter_form.py" line="87" />
      <location filename="../../ui/posts_dialog.py" line="106" />
      <location filename="../../ui/reorg.py" line="290" />
      <source>vacant</source>
      <translation>còn trống</translation>
    </message>
  </context>
  <context>
    <name>ListPanel</name>
    <message>
      <location filename="../../ui/lists/panel.py" line="288" />
      <source>All open</source>
      <translation>Tất cả việc đang mở</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="258" />
      <source>Any kind</source>
      <translation>Mọi loại</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="267" />
      <source>Any sector</source>
      <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="270" />
      <source>Any tag</source>
      <translation>Mọi nhãn</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="285" />
      <source>Any time</source>
      <translation>Mọi thời gian</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="300" />
      <source>Done</source>
      <translation>Đã xong</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="297" />
      <source>Due in 30 days</source>
      <translation>Đến hạn trong 30 ngày</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="293" />
      <source>Due next week</source>
      <translation>Đến hạn tuần tới</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="296" />
      <source>Due this month</source>
      <translation>Đến hạn trong tháng</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="295" />
      <source>Due this week</source>
      <translation>Đến hạn trong tuần</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="301" />
      <source>Everything</source>
      <translation>Tất cả</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="104" />
      <source>Filter (type without accents: nguyen, dang…)</source>
      <translation>Lọc (gõ không dấu cũng được: nguyen, dang…)</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="280" />
      <source>Last week</source>
      <translation>Tuần trước</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="289" />
      <source>Mine</source>
      <translation>Của tôi</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="279" />
      <source>Next week</source>
      <translation>Tuần sau</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="321" />
      <source>No actions match these filters: %1.</source>
      <translation>Không có việc cần làm nào khớp với bộ lọc: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="319" />
      <source>No contacts match these filters: %1.</source>
      <translation>Không có liên hệ nào khớp với bộ lọc: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="320" />
      <source>No meetings match these filters: %1.</source>
      <translation>Không có cuộc họp nào khớp với bộ lọc: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="318" />
      <source>No organisations match these filters: %1.</source>
      <translation>Không có tổ chức nào khớp với bộ lọc: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="122" />
      <source>Organisation…</source>
      <translation>Tổ chức…</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="290" />
      <source>Overdue</source>
      <translation>Quá hạn</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="291" />
      <source>Overdue or due today</source>
      <translation>Quá hạn hoặc đến hạn hôm nay</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="305" />
      <source>Owner: anyone</source>
      <translation>Phụ trách: tất cả</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="282" />
      <source>Past</source>
      <translation>Đã qua</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="305" />
      <source>Responsible: anyone</source>
      <translation>Người thực hiện: tất cả</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="299" />
      <source>They owe</source>
      <translation>Đối tác cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="281" />
      <source>This month</source>
      <translation>Tháng này</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="278" />
      <source>This week</source>
      <translation>Tuần này</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="276" />
      <source>Upcoming</source>
      <translation>Sắp tới</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="298" />
      <source>We owe</source>
      <translation>Bên ta cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/lists/panel.py" line="330" />
      <source>“Mine” shows the actions of the staff member chosen under File → Settings → “I am”, and none is chosen on this computer.</source>
      <translation>“Của tôi” là các việc của cán bộ được chọn ở Tệp → Cài đặt → “Tôi là”, và trên máy này chưa chọn ai.</translation>
    </message>
  </context>
  <context>
    <name>LiveUpdates</name>
    <message>
      <location filename="../../ui/live.py" line="37" />
      <source>Colleagues' changes appear here as they save them</source>
      <translation>Thay đổi của đồng nghiệp hiện ra ở đây ngay khi họ lưu</translation>
    </message>
    <message>
      <location filename="../../ui/live.py" line="34" />
      <source>Connecting to the team database for live updates</source>
      <translation>Đang kết nối tới cơ sở dữ liệu chung để cập nhật trực tiếp</translation>
    </message>
    <message>
      <location filename="../../ui/live.py" line="34" />
      <source>Connecting…</source>
      <translation>Đang kết nối…</translation>
    </message>
    <message>
      <location filename="../../ui/live.py" line="36" />
      <source>Live</source>
      <translation>Trực tiếp</translation>
    </message>
    <message>
      <location filename="../../ui/live.py" line="40" />
      <source>Offline</source>
      <translation>Mất kết nối</translation>
    </message>
    <message>
      <location filename="../../ui/live.py" line="43" />
      <source>Reconnecting…</source>
      <translation>Đang kết nối lại…</translation>
    </message>
    <message>
      <location filename="../../ui/live.py" line="45" />
      <source>Signed out</source>
      <translation>Đã bị đăng xuất</translation>
    </message>
    <message>
      <location filename="../../ui/live.py" line="41" />
      <source>The team database cannot be reached; trying again…</source>
      <translation>Không kết nối được cơ sở dữ liệu chung; đang thử lại…</translation>
    </message>
    <message>
      <location filename="../../ui/live.py" line="46" />
      <source>The team database no longer lets your login in: it was disabled by an administrator</source>
      <translation>Cơ sở dữ liệu dùng chung không còn cho tài khoản của bạn đăng nhập: quản trị viên đã vô hiệu hóa tài khoản</translation>
    </message>
    <message>
      <location filename="../../ui/live.py" line="43" />
      <source>Trying to reach the team database again</source>
      <translation>Đang thử kết nối lại cơ sở dữ liệu chung</translation>
    </message>
  </context>
  <context>
    <name>LogMeetingDialog</name>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="581" />
      <source>%1 became %2 on %3: the meeting is with %2. &lt;a href="keep:%4"&gt;Keep %1&lt;/a&gt;</source>
      <translation>%1 đã trở thành %2 từ ngày %3: cuộc họp được ghi với %2. &lt;a href="keep:%4"&gt;Giữ %1&lt;/a&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="591" />
      <source>%1 was split on %2: which was the meeting with? %3 · &lt;a href="keep:%4"&gt;Keep %1&lt;/a&gt;</source>
      <translation>%1 đã chia tách từ ngày %2: cuộc họp với tổ chức nào? %3 · &lt;a href="keep:%4"&gt;Giữ %1&lt;/a&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="173" />
      <source>Agenda</source>
      <translation>Chương trình họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="427" />
      <source>Discard this meeting?</source>
      <translation>Bỏ cuộc họp đang ghi?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="142" />
      <source>Edit meeting</source>
      <translation>Sửa cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="280" />
      <source>Follow-up actions</source>
      <translation>Việc cần làm tiếp theo</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="458" />
      <source>Follow-up due date: %1</source>
      <translation>Hạn của việc cần làm tiếp theo: %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="142" />
      <location filename="../../ui/dialogs/log_meeting.py" line="872" />
      <source>Log meeting</source>
      <translation>Ghi nhận cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="175" />
      <source>What was decided</source>
      <translation>Những gì đã thống nhất</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="174" />
      <source>What was said</source>
      <translation>Nội dung trao đổi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="147" />
      <source>What was the meeting about?</source>
      <translation>Cuộc họp bàn về việc gì?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="159" />
      <source>Where (e.g. Hòa Lạc, online)</source>
      <translation>Ở đâu (ví dụ: Hòa Lạc, trực tuyến)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="799" />
      <source>“%1” is back from the trash, with your changes saved.</source>
      <translation>Đã khôi phục “%1” từ thùng rác và lưu các thay đổi của bạn.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/log_meeting.py" line="739" />
      <source>“%1” is typed but not added: press Enter to add it, or clear the box</source>
      <translation>“%1” đã gõ nhưng chưa được thêm: nhấn Enter để thêm, hoặc xoá chữ trong ô</translation>
    </message>
  </context>
  <context>
    <name>Main</name>
    <message>
      <location filename="../../ui/open_questions.py" line="388" />
      <source>%1 exists already. A new database needs a new file name: choose another one.</source>
      <translation>%1 đã tồn tại. Cơ sở dữ liệu mới cần một tên tệp mới: hãy chọn tên khác.</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="179" />
      <source>%1 is open already.</source>
      <translation>%1 hiện đã được mở.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="280" />
      <source>%1 was saved by an older Ketnoi (schema %2). This Ketnoi can open it only after upgrading it, which would change the file, and the file is read-only for you.</source>
      <translation>%1 được lưu bởi một phiên bản Ketnoi cũ hơn (lược đồ %2). Phiên bản Ketnoi này chỉ mở được tệp sau khi nâng cấp nó, việc đó sẽ thay đổi tệp, mà bạn chỉ có quyền đọc tệp này.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="97" />
      <source>(named while the computer's clock was ahead)</source>
      <translation>(được đặt tên khi đồng hồ máy tính chạy sai)</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="205" />
      <source>A team server (PostgreSQL URL)</source>
      <translation>Máy chủ dùng chung (địa chỉ PostgreSQL)</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="86" />
      <source>Ask your IT support to look at the file (Ketnoi leaves it untouched). Meanwhile you can open another database file or start a new, empty database.</source>
      <translation>Hãy nhờ bộ phận IT kiểm tra tệp này (Ketnoi để nguyên, không động đến). Trong lúc chờ, bạn có thể mở một tệp cơ sở dữ liệu khác hoặc tạo một cơ sở dữ liệu mới, trống.</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="249" />
      <source>Cancel</source>
      <translation>Huỷ</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="394" />
      <source>Changes are saved in the copy, not in %1. You can change it later in Settings → Database.</source>
      <translation>Các thay đổi được lưu vào bản sao, không phải vào %1. Bạn có thể đổi lại sau trong Cài đặt → Cơ sở dữ liệu.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="253" />
      <source>Copy the database to a folder you can write, for example Documents, and open the copy; or ask your IT support for write access to %1.</source>
      <translation>Hãy sao chép cơ sở dữ liệu sang một thư mục bạn có quyền ghi, ví dụ thư mục Tài liệu (Documents), rồi mở bản sao; hoặc nhờ bộ phận IT cấp quyền ghi vào %1.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="202" />
      <source>Database</source>
      <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="245" />
      <source>Ketnoi cannot open %1 for changes: the file %2 is read-only for you.</source>
      <translation>Ketnoi không mở được %1 để thay đổi: tệp %2 chỉ cho phép bạn đọc (chỉ đọc).</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="241" />
      <source>Ketnoi cannot open %1 for changes: the folder %2 is read-only for you, and Ketnoi creates two small files beside a database it works on (%3-wal and %3-shm).</source>
      <translation>Ketnoi không mở được %1 để thay đổi: thư mục %2 chỉ cho phép bạn đọc (chỉ đọc), mà khi làm việc với một cơ sở dữ liệu Ketnoi cần tạo hai tệp nhỏ bên cạnh nó (%3-wal và %3-shm).</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="435" />
      <location filename="../../ui/main.py" line="438" />
      <source>Ketnoi cannot open the database
%1

%2</source>
      <translation>Ketnoi không mở được cơ sở dữ liệu
%1

%2</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="440" />
      <source>Ketnoi cannot reach the database
%1

%2</source>
      <translation>Ketnoi không kết nối được cơ sở dữ liệu
%1

%2</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="73" />
      <source>Ketnoi has left %1 exactly as it is. Keep it, and give a copy to your IT support or to Ketnoi's support: they may be able to recover records from it.</source>
      <translation>Ketnoi để nguyên %1, không thay đổi gì. Hãy giữ tệp này và gửi một bản sao cho bộ phận IT hoặc bộ phận hỗ trợ của Ketnoi: họ có thể cứu được các bản ghi trong đó.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="262" />
      <source>Look at it, search it and print briefs; nothing can be changed or saved in it.</source>
      <translation>Xem, tìm kiếm và in bản tóm tắt; không thể thay đổi hay lưu gì vào tệp này.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="83" />
      <source>No backup of it was found.</source>
      <translation>Không tìm thấy bản sao lưu nào của tệp này.</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="375" />
      <source>Open %1 at every start from now on, instead of %2?</source>
      <translation>Từ nay mỗi lần khởi động sẽ mở %1, thay cho %2?</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="384" />
      <source>Open %1 at every start from now on, instead of the damaged %2?</source>
      <translation>Từ nay mỗi lần khởi động sẽ mở %1, thay cho tệp bị hỏng %2?</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="323" />
      <source>Open another database</source>
      <translation>Mở cơ sở dữ liệu khác</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="172" />
      <source>Open another database…</source>
      <translation>Mở cơ sở dữ liệu khác…</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="107" />
      <source>Open another file…</source>
      <translation>Mở tệp khác…</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="175" />
      <source>Open database</source>
      <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="94" />
      <source>Open its latest good backup, from %1? (The damaged file is kept aside.)</source>
      <translation>Mở bản sao lưu tốt gần nhất, lúc %1? (Tệp bị hỏng được giữ lại riêng.)</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="260" />
      <source>Open read-only</source>
      <translation>Mở chỉ để đọc</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="391" />
      <source>Open the copy %1 at every start from now on, instead of the read-only %2?</source>
      <translation>Từ nay mỗi lần khởi động sẽ mở bản sao %1, thay cho tệp chỉ đọc %2?</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="216" />
      <source>Opened %1 (read-only).</source>
      <translation>Đã mở %1 (chỉ đọc).</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="218" />
      <source>Opened %1. Ketnoi opens it at start from now on.</source>
      <translation>Đã mở %1. Từ nay mỗi lần khởi động, Ketnoi sẽ mở tệp này.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="102" />
      <source>Or open another database file, or start a new, empty database: the damaged file is left as it is.</source>
      <translation>Hoặc mở một tệp cơ sở dữ liệu khác, hoặc tạo một cơ sở dữ liệu mới, trống: tệp bị hỏng được để nguyên.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="213" />
      <source>Password:</source>
      <translation>Mật khẩu:</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="249" />
      <location filename="../../ui/open_questions.py" line="40" />
      <source>Quit</source>
      <translation>Thoát</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="105" />
      <source>Restore the backup</source>
      <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="293" />
      <source>Save a copy and open it…</source>
      <translation>Lưu một bản sao và mở nó…</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="288" />
      <source>Save a copy in a folder you can write: Ketnoi opens the copy and upgrades it, keeping a copy from before. %1 itself is left as it is.</source>
      <translation>Hãy lưu một bản sao vào thư mục bạn có quyền ghi: Ketnoi mở bản sao và nâng cấp nó, giữ lại một bản từ trước khi nâng cấp. Bản thân %1 được giữ nguyên.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="314" />
      <source>Save a copy of the database</source>
      <translation>Lưu một bản sao của cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="209" />
      <source>Server:</source>
      <translation>Máy chủ:</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="217" />
      <source>Sign in</source>
      <translation>Đăng nhập</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="371" />
      <source>Start a new database</source>
      <translation>Tạo cơ sở dữ liệu mới</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="108" />
      <source>Start a new database…</source>
      <translation>Tạo cơ sở dữ liệu mới…</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="330" />
      <source>That is the damaged file. Choose another one.</source>
      <translation>Đó chính là tệp bị hỏng. Hãy chọn tệp khác.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="70" />
      <source>The database %1 is damaged, so Ketnoi will not write to it.</source>
      <translation>Cơ sở dữ liệu %1 bị hỏng, nên Ketnoi sẽ không ghi vào đó.</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="148" />
      <source>The import of %1 did not finish: Ketnoi was closed or stopped while it was writing. Nothing from it was written; import the file again.</source>
      <translation>Lần nhập %1 chưa xong: Ketnoi đã bị đóng hoặc dừng khi đang ghi. Chưa có gì từ lần nhập đó được ghi; hãy nhập lại tệp.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="164" />
      <source>The password may be wrong or changed, or your administrator may have disabled the login. Type the password again, or ask your administrator.</source>
      <translation>Có thể mật khẩu sai hoặc đã bị đổi, hoặc quản trị viên đã vô hiệu hóa tài khoản. Hãy gõ lại mật khẩu hoặc hỏi quản trị viên.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="157" />
      <source>The server asks for the password of the login %1 to open %2.</source>
      <translation>Máy chủ cần mật khẩu của tài khoản %1 để mở %2.</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="378" />
      <source>The server of %1 turned the login away. Once you have the password, choose it again in Settings → Database.</source>
      <translation>Máy chủ của %1 đã từ chối đăng nhập. Khi đã có mật khẩu, hãy chọn lại cơ sở dữ liệu đó trong Cài đặt → Cơ sở dữ liệu.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="162" />
      <source>The server turned the login %1 away: Ketnoi cannot open %2.</source>
      <translation>Máy chủ không cho tài khoản %1 đăng nhập: Ketnoi không mở được %2.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="342" />
      <source>There is no database at %1, but %2 is left beside it: the last changes of a database that was moved, renamed or deleted while it was open may be in it. Ketnoi does not create a new database there (that would wipe them). Put the database file back at %1, or open it where it is now; only if you are sure nothing in them is needed, move %3 away first.</source>
      <translation>Không có cơ sở dữ liệu tại %1, nhưng bên cạnh vẫn còn %2: trong đó có thể còn những thay đổi cuối cùng của một cơ sở dữ liệu đã bị chuyển đi, đổi tên hoặc xoá khi đang mở. Ketnoi không tạo cơ sở dữ liệu mới ở đó (việc này sẽ xoá mất các thay đổi ấy). Hãy đặt tệp cơ sở dữ liệu trở lại %1, hoặc mở tệp ở chỗ mới của nó; chỉ khi chắc chắn không cần gì trong đó, hãy chuyển %3 đi chỗ khác trước.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="397" />
      <source>There is no folder %1.</source>
      <translation>Không có thư mục %1.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="249" />
      <source>This does not mean the database is damaged; nothing was changed.</source>
      <translation>Điều này không có nghĩa là cơ sở dữ liệu bị hỏng; chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="257" />
      <source>To look at it without changing anything, open it read-only.</source>
      <translation>Để xem mà không thay đổi gì, hãy mở ở chế độ chỉ đọc.</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="165" />
      <source>Today's automatic backup was not made: %1</source>
      <translation>Chưa tạo được bản sao lưu tự động hôm nay: %1</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="159" />
      <source>Type the password you were given; Ketnoi keeps it in its own password file, readable by you alone.</source>
      <translation>Hãy gõ mật khẩu bạn được cấp; Ketnoi lưu nó trong tệp mật khẩu riêng, chỉ bạn đọc được.</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="170" />
      <source>Type the password…</source>
      <translation>Nhập mật khẩu…</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="521" />
      <source>Upgrading %1 for this version of Ketnoi (a copy is kept first); a big file takes a while…</source>
      <translation>Đang nâng cấp %1 cho phiên bản Ketnoi này (một bản sao được giữ lại trước); tệp lớn sẽ mất một lúc…</translation>
    </message>
    <message>
      <location filename="../../ui/open_questions.py" line="77" />
      <source>What SQLite reported:</source>
      <translation>SQLite báo lỗi:</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" line="387" />
      <source>You can change it later in Settings → Database. The damaged file stays where it is.</source>
      <translation>Bạn có thể đổi lại sau trong Cài đặt → Cơ sở dữ liệu. Tệp bị hỏng vẫn ở nguyên chỗ cũ.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/window_views.py" line="208" />
      <source>%1 deleted “%2” (%4): it is in the trash (View → Trash).</source>
      <translation>%1 đã xóa “%2” (%4): bản ghi đang ở thùng rác (Xem → Thùng rác).</translation>
    </message>
    <message>
      <location filename="../../ui/window_views.py" line="206" />
      <source>%1 merged “%2” into “%3” (%4).</source>
      <translation>%1 đã gộp “%2” vào “%3” (%4).</translation>
    </message>
    <message>
      <location filename="../../ui/window_views.py" line="210" />
      <source>%1 removed “%2” for good (%4).</source>
      <translation>%1 đã xóa hẳn “%2” (%4).</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="198" />
      <source>&amp;Brief (PDF)</source>
      <translation>&amp;Bản tóm tắt (PDF)</translation>
    </message>
    <message>
      <location filename="../../ui/bulk.py" line="423" />
      <location filename="../../ui/window_actions.py" line="85" />
      <source>&amp;Delete</source>
      <translation>&amp;Xoá</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="308" />
      <source>&amp;Edit</source>
      <translation>&amp;Sửa</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="82" />
      <source>&amp;Edit…</source>
      <translation>&amp;Sửa…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="126" />
      <source>&amp;Export to Excel…</source>
      <translation>&amp;Xuất ra Excel…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="295" />
      <source>&amp;File</source>
      <translation>&amp;Tệp</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="79" />
      <source>&amp;Filter the list</source>
      <translation>&amp;Lọc danh sách</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="332" />
      <source>&amp;Help</source>
      <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="223" />
      <source>&amp;History…</source>
      <translation>Lị&amp;ch sử…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="116" />
      <source>&amp;Import spreadsheet…</source>
      <translation>&amp;Nhập từ bảng tính…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="232" />
      <source>&amp;Letters…</source>
      <translation>&amp;Công văn…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="59" />
      <source>&amp;Log meeting…</source>
      <translation>&amp;Ghi nhận cuộc họp…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="93" />
      <location filename="../../ui/window_views.py" line="287" />
      <source>&amp;Mark done</source>
      <translation>Đá&amp;nh dấu đã xong</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="56" />
      <source>&amp;New…</source>
      <translation>Tạo &amp;mới…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="111" />
      <source>&amp;Open database…</source>
      <translation>Mở cơ sở dữ liệu &amp;khác…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="113" />
      <source>&amp;Quit</source>
      <translation>T&amp;hoát</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="88" />
      <source>&amp;Redo</source>
      <translation>&amp;Làm lại</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="90" />
      <source>&amp;Refresh</source>
      <translation>Làm &amp;mới</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="72" />
      <source>&amp;Search everywhere…</source>
      <translation>&amp;Tìm kiếm…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="109" />
      <source>&amp;Settings…</source>
      <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="323" />
      <source>&amp;Tools</source>
      <translation>&amp;Công cụ</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="229" />
      <source>&amp;Trash…</source>
      <translation>Thùng &amp;rác…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="87" />
      <source>&amp;Undo</source>
      <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="317" />
      <source>&amp;View</source>
      <translation>&amp;Xem</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="236" />
      <source>&amp;Working days…</source>
      <translation>&amp;Ngày làm việc…</translation>
    </message>
    <message>
      <location filename="../../ui/window_views.py" line="202" />
      <source>A colleague</source>
      <translation>Một đồng nghiệp</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="106" />
      <source>Add &amp;note…</source>
      <translation>Thêm &amp;ghi chú…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="112" />
      <source>Bac&amp;kups…</source>
      <translation>&amp;Sao lưu…</translation>
    </message>
    <message>
      <location filename="../../ui/window_views.py" line="68" />
      <source>Dashboard</source>
      <translation>Bảng điều khiển</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="243" />
      <source>Draft &amp;letter…</source>
      <translation>Soạn công &amp;văn…</translation>
    </message>
    <message>
      <location filename="../../ui/window_commands.py" line="170" />
      <source>Draft letter</source>
      <translation>Soạn công văn</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="160" />
      <source>Ex&amp;port contacts (vCard)…</source>
      <translation>Xuất danh bạ (vCar&amp;d)…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="146" />
      <source>Export &amp;calendar (.ics)…</source>
      <translation>X&amp;uất lịch (.ics)…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="133" />
      <source>Export this list to E&amp;xcel…</source>
      <translation>Xuất danh sách này ra &amp;Excel…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="153" />
      <source>Export this list to calenda&amp;r (.ics)…</source>
      <translation>Xuất danh sách này &amp;ra lịch (.ics)…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="172" />
      <location filename="../../ui/window_actions.py" line="181" />
      <source>Export to calendar…</source>
      <translation>Xuất ra lịch…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="190" />
      <source>Export vCard…</source>
      <translation>Xuất vCard…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="216" />
      <source>Find &amp;duplicates…</source>
      <translation>Tìm bản ghi &amp;trùng lặp…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="122" />
      <source>Import &amp;history…</source>
      <translation>&amp;Lịch sử nhập…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="165" />
      <source>Import calendar in&amp;vitation (.ics)…</source>
      <translation>Nhậ&amp;p lời mời lịch (.ics)…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="65" />
      <source>Log e-&amp;mail…</source>
      <translation>Ghi nhận &amp;thư điện tử…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="209" />
      <source>Log meeting with them…</source>
      <translation>Ghi nhận cuộc họp với họ…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="338" />
      <source>Main</source>
      <translation>Thanh công cụ chính</translation>
    </message>
    <message>
      <location filename="../../ui/window_views.py" line="284" />
      <source>Mark done / re&amp;open</source>
      <translation>Đánh dấu đã xong / mở &amp;lại</translation>
    </message>
    <message>
      <location filename="../../ui/window_views.py" line="285" />
      <source>Mark the open actions done and reopen the done ones</source>
      <translation>Đánh dấu đã xong các việc đang mở và mở lại các việc đã xong</translation>
    </message>
    <message>
      <location filename="../../ui/window_views.py" line="287" />
      <source>Mark the selected actions done</source>
      <translation>Đánh dấu đã xong các việc đang chọn</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="68" />
      <source>New &amp;action…</source>
      <translation>Thêm &amp;việc cần làm…</translation>
    </message>
    <message>
      <location filename="../../ui/window_views.py" line="166" />
      <source>Not in the list, its filters leave it out (%2): “%1”</source>
      <translation>Không có trong danh sách vì bộ lọc (%2): “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="90" />
      <source>Opening %1…</source>
      <translation>Đang mở %1…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="202" />
      <source>Period &amp;digest (PDF)…</source>
      <translation>Báo cá&amp;o tổng hợp theo kỳ (PDF)…</translation>
    </message>
    <message>
      <location filename="../../ui/window_views.py" line="282" />
      <source>Re&amp;open</source>
      <translation>Mở &amp;lại</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="100" />
      <source>Re&amp;schedule…</source>
      <translation>&amp;Dời hạn…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="227" />
      <source>Relationships, meetings, commitments — Ketnoi</source>
      <translation>Quan hệ, cuộc họp, cam kết — Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/window_views.py" line="282" />
      <source>Reopen the selected done actions</source>
      <translation>Mở lại các việc đã xong đang chọn</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="140" />
      <source>Save import &amp;template…</source>
      <translation>Lưu mẫu nhập l&amp;iệu…</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="315" />
      <source>Se&amp;lection</source>
      <translation>&amp;Mục đã chọn</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="161" />
      <location filename="../../ui/window_views.py" line="70" />
      <source>Stakeholder map</source>
      <translation>Bản đồ các bên liên quan</translation>
    </message>
    <message>
      <location filename="../../ui/window_actions.py" line="89" />
      <source>Undo &amp;history…</source>
      <translation>Lịch sử hoàn &amp;tác…</translation>
    </message>
    <message>
      <location filename="../../ui/window_commands.py" line="170" />
      <source>Write the letter to:</source>
      <translation>Gửi công văn tới:</translation>
    </message>
  </context>
  <context>
    <name>MappingPage</name>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="102" />
      <source>&amp;Sheet:</source>
      <translation>T&amp;rang:</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="254" />
      <source>(no header)</source>
      <translation>(không có tiêu đề)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="108" />
      <source>A row that matches an &amp;existing record:</source>
      <translation>Dòng khớp với một bản ghi &amp;đã có:</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="80" />
      <source>Check Ketnoi's suggestion for each column; change any that is wrong.</source>
      <translation>Kiểm tra gợi ý của Ketnoi cho từng cột; sửa cột nào chưa đúng.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="320" />
      <source>Choose the column that holds “%1”: a row without it is not a record.</source>
      <translation>Chọn cột chứa “%1”: dòng thiếu cột này không phải là một bản ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="116" />
      <source>Column</source>
      <translation>Cột</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="144" />
      <source>Columns left “not imported” are ignored. When you import, Ketnoi remembers this mapping and offers it again for the next file with the same headers.</source>
      <translation>Các cột để “không nhập” sẽ bị bỏ qua. Khi nhập, Ketnoi ghi nhớ cách ghép cột này và gợi ý lại cho tệp sau có cùng tiêu đề.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="117" />
      <source>Header in the file</source>
      <translation>Tiêu đề trong tệp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="119" />
      <source>Imports into</source>
      <translation>Nhập vào</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="204" />
      <source>Ketnoi could not tell what the sheet holds: choose it above.</source>
      <translation>Ketnoi chưa xác định được nội dung trang tính: hãy chọn ở trên.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="79" />
      <source>Match the columns to fields</source>
      <translation>Ghép cột với trường dữ liệu</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="210" />
      <source>Read as contacts: %1. If the sheet lists your own staff, choose Staff above.</source>
      <translation>Đọc là danh bạ liên hệ: %1. Nếu trang này là danh sách cán bộ của mình, hãy chọn Cán bộ ở trên.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="207" />
      <source>Read as staff: %1. If the sheet lists contacts, choose Contacts above.</source>
      <translation>Đọc là danh sách cán bộ: %1. Nếu trang này là danh bạ liên hệ, hãy chọn Liên hệ ở trên.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="118" />
      <source>Sample values</source>
      <translation>Giá trị mẫu</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="325" />
      <source>Several columns go into %1: only the first is used.</source>
      <translation>Nhiều cột cùng ghép vào %1: chỉ dùng cột đầu tiên.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="333" />
      <source>Sheet “%1” has no column for the name: choose it there.</source>
      <translation>Trang “%1” chưa có cột họ tên: hãy chọn ở trang đó.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="199" />
      <source>Sheet “%1”: the header is on row %2.</source>
      <translation>Trang tính “%1”: tiêu đề ở dòng %2.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="197" />
      <source>Sheet “%1”: the header is on row %2; the rows above it are skipped.</source>
      <translation>Trang tính “%1”: tiêu đề ở dòng %2; các dòng phía trên được bỏ qua.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="107" />
      <source>The sheet &amp;holds:</source>
      <translation>Trang tính &amp;chứa:</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="225" />
      <source>Using the column choices confirmed by %1 for these headers.</source>
      <translation>Dùng cách ghép cột do %1 xác nhận cho các tiêu đề này.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="228" />
      <source>Using the column choices confirmed by %1 on %2 for these headers.</source>
      <translation>Dùng cách ghép cột do %1 xác nhận ngày %2 cho các tiêu đề này.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="223" />
      <source>Using the column choices confirmed last time for these headers.</source>
      <translation>Dùng cách ghép cột đã được xác nhận lần trước cho các tiêu đề này.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="221" />
      <source>Using the column choices you confirmed last time for these headers.</source>
      <translation>Dùng cách ghép cột bạn đã xác nhận lần trước cho các tiêu đề này.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/mapping_page.py" line="264" />
      <source>— not imported —</source>
      <translation>— không nhập —</translation>
    </message>
  </context>
  <context>
    <name>MeetingDraft</name>
    <message>
      <location filename="../../ui/dialogs/meeting_draft.py" line="189" />
      <source>&amp;Discard</source>
      <translation>&amp;Bỏ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/meeting_draft.py" line="188" />
      <source>&amp;Recover</source>
      <translation>&amp;Khôi phục</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/meeting_draft.py" line="59" />
      <source>A meeting you were typing at %1 was not saved: Log meeting (Ctrl+M) offers it back.</source>
      <translation>Một cuộc họp bạn đang gõ lúc %1 chưa được lưu: Ghi nhận cuộc họp (Ctrl+M) sẽ đề nghị khôi phục.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/meeting_draft.py" line="186" />
      <source>Ketnoi closed before it was saved. Nothing of it is in the database yet.</source>
      <translation>Ketnoi đã đóng trước khi cuộc họp được lưu. Chưa có gì của cuộc họp này trong cơ sở dữ liệu.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/meeting_draft.py" line="180" />
      <source>Recover a meeting?</source>
      <translation>Khôi phục cuộc họp?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/meeting_draft.py" line="181" />
      <source>Recover the meeting you were typing at %1?</source>
      <translation>Khôi phục cuộc họp bạn đang gõ lúc %1?</translation>
    </message>
  </context>
  <context>
    <name>NewContactsDialog</name>
    <message>
      <location filename="../../ui/mail.py" line="50" />
      <location filename="../../ui/mail.py" line="67" />
      <source>Log e-mail</source>
      <translation>Ghi nhận thư điện tử</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" line="52" />
      <source>“%1”: these addresses are not in Ketnoi. Tick the ones to add as contacts:</source>
      <translation>“%1”: các địa chỉ này chưa có trong Ketnoi. Đánh dấu những địa chỉ cần thêm làm người liên hệ:</translation>
    </message>
  </context>
  <context>
    <name>NotWritten</name>
    <message>
      <location filename="../../ui/not_written.py" line="35" />
      <source>%1 was not written to the folder %2: %3.</source>
      <translation>Chưa ghi được %1 vào thư mục %2: %3.</translation>
    </message>
    <message>
      <location filename="../../ui/not_written.py" line="32" />
      <source>%1 was not written: the disk of the folder %2 is full. Free some space or choose another folder.</source>
      <translation>Chưa ghi được %1: ổ đĩa chứa thư mục %2 đã đầy. Hãy giải phóng bớt dung lượng hoặc chọn thư mục khác.</translation>
    </message>
    <message>
      <location filename="../../ui/not_written.py" line="29" />
      <source>%1 was not written: the file %1 in %2 is read-only for you. Choose another name.</source>
      <translation>Chưa ghi được %1: tệp %1 trong thư mục %2 chỉ cho phép bạn đọc. Hãy chọn tên khác.</translation>
    </message>
    <message>
      <location filename="../../ui/not_written.py" line="26" />
      <source>%1 was not written: the folder %2 is read-only for you. Choose another folder.</source>
      <translation>Chưa ghi được %1: thư mục %2 chỉ cho phép bạn đọc. Hãy chọn thư mục khác.</translation>
    </message>
    <message>
      <location filename="../../ui/not_written.py" line="34" />
      <source>%1 was not written: there is no folder %2.</source>
      <translation>Chưa ghi được %1: không có thư mục %2.</translation>
    </message>
    <message>
      <location filename="../../ui/not_written.py" line="27" />
      <source>%1 was not written: you may not write to the folder %2. Choose another folder.</source>
      <translation>Chưa ghi được %1: bạn không có quyền ghi vào thư mục %2. Hãy chọn thư mục khác.</translation>
    </message>
  </context>
  <context>
    <name>Picker</name>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="398" />
      <source>%1  (from the list)</source>
      <translation>%1  (từ danh sách)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="344" />
      <location filename="../../ui/dialogs/pickers.py" line="396" />
      <source>%1  (new)</source>
      <translation>%1  (mới)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="207" />
      <source>%1 is already chosen</source>
      <translation>%1 đã có trong danh sách</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="348" />
      <source>%1 is created at %2: saving links %2 to the meeting too.</source>
      <translation>%1 được tạo mới thuộc %2: khi lưu, %2 cũng được gắn với cuộc họp.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="352" />
      <source>%1 is created without an organisation: choose one beside the role.</source>
      <translation>%1 được tạo mới, không thuộc tổ chức nào: chọn tổ chức ở ô bên cạnh vai trò.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="403" />
      <source>%1 works at %2: saving links %2 to the meeting too.</source>
      <translation>%1 công tác tại %2: khi lưu, %2 cũng được gắn với cuộc họp.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="375" />
      <source>%1's role at the meeting</source>
      <translation>Vai trò của %1 trong cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="75" />
      <source>Add attendee: type a name, no accents needed</source>
      <translation>Thêm người dự: gõ tên, không cần dấu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="82" />
      <source>Add one of our staff: type a name</source>
      <translation>Thêm cán bộ bên ta: gõ tên, không cần dấu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="85" />
      <source>Add organisation: name or acronym</source>
      <translation>Thêm tổ chức: tên hoặc tên viết tắt</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="418" />
      <source>Delete: remove</source>
      <translation>Delete: bỏ khỏi danh sách</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="83" />
      <source>Down (nothing typed): our staff chosen; there Delete removes one</source>
      <translation>Mũi tên xuống (khi chưa gõ gì): tới danh sách cán bộ đã chọn; ở đó Delete bỏ một người</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="87" />
      <source>Down (nothing typed): the chosen organisations; there Delete removes one</source>
      <translation>Mũi tên xuống (khi chưa gõ gì): tới danh sách tổ chức đã chọn; ở đó Delete bỏ một tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="78" />
      <source>Down (nothing typed): the chosen people; there F2 changes a role, Delete removes a person</source>
      <translation>Mũi tên xuống (khi chưa gõ gì): tới danh sách người đã chọn; ở đó F2 đổi vai trò, Delete bỏ một người</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="421" />
      <source>F2 or Enter: change the role · Delete: remove</source>
      <translation>F2 hoặc Enter: đổi vai trò · Delete: bỏ khỏi danh sách</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="420" />
      <source>F2 or Enter: change the role, then Tab: the organisation · Delete: remove</source>
      <translation>F2 hoặc Enter: đổi vai trò, rồi Tab: tổ chức · Delete: bỏ khỏi danh sách</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="220" />
      <source>New contact “%1”</source>
      <translation>Người liên hệ mới “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="220" />
      <source>New organisation “%1”</source>
      <translation>Tổ chức mới “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="331" />
      <source>No organisation</source>
      <translation>Không có tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="209" />
      <source>None of our staff is called “%1”</source>
      <translation>Không có cán bộ bên ta nào tên “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/pickers.py" line="316" />
      <source>The organisation %1 joins</source>
      <translation>Tổ chức của %1</translation>
    </message>
  </context>
  <context>
    <name>Posts</name>
    <message>
      <location filename="../../ui/post_holding.py" line="32" />
      <source>%1 holds “%2” from %3.</source>
      <translation>%1 giữ chức vụ “%2” từ %3.</translation>
    </message>
    <message>
      <location filename="../../ui/post_holding.py" line="34" />
      <source>%1 holds “%2”.</source>
      <translation>%1 giữ chức vụ “%2”.</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="530" />
      <source>%1 leaves the post: their last day in it</source>
      <translation>%1 thôi giữ chức vụ: ngày cuối giữ chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="718" />
      <source>%1 left the post “%2”</source>
      <translation>%1 thôi giữ chức vụ “%2”</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="51" />
      <source>%3 changed the %1 of “%2” at %4, after you began: nothing was saved. The list shows it as it is now; make your change again if it is still needed.</source>
      <translation>%3 đã sửa %1 của “%2” lúc %4, sau khi bạn bắt đầu: chưa lưu gì. Danh sách đang hiện bản mới nhất; nếu vẫn cần, hãy sửa lại.</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="89" />
      <source>%3 changed the notes of “%1” at %4, after you began: nothing was saved. Theirs now read: “%2”. Yours are still in the box: leave it again to save them over theirs, or press Esc in the box to take theirs.</source>
      <translation>%3 đã sửa ghi chú của “%1” lúc %4, sau khi bạn bắt đầu: chưa lưu gì. Ghi chú của họ hiện là: “%2”. Ghi chú của bạn vẫn ở trong ô: rời khỏi ô lần nữa để lưu đè lên bản của họ, hoặc nhấn Esc trong ô để lấy bản của họ.</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="591" />
      <source>(none)</source>
      <translation>(trống)</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="69" />
      <source>A holder of “%1” was recorded meanwhile: their role history stays, so the post cannot be removed. If they hold it now, choose End holding… in this window to end their holding instead.</source>
      <translation>Trong lúc đó, chức vụ “%1” đã có người giữ được ghi nhận: lịch sử đó được giữ lại nên không thể xoá chức vụ. Nếu người đó đang giữ chức vụ, hãy chọn Kết thúc nhiệm kỳ… trong cửa sổ này để kết thúc nhiệm kỳ của họ.</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="197" />
      <source>Add post</source>
      <translation>Thêm chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="314" />
      <source>Add post…</source>
      <translation>Thêm chức vụ…</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="701" />
      <source>Added the post “%1”</source>
      <translation>Thêm chức vụ “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/post_holding.py" line="52" />
      <source>An acting post held for one day ends on the day it began.</source>
      <translation>Chức vụ quyền giữ trong một ngày kết thúc vào chính ngày bắt đầu.</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="118" />
      <source>Double-click or press F2 to change it</source>
      <translation>Nhấp đúp hoặc nhấn F2 để sửa</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="197" />
      <source>Edit post</source>
      <translation>Sửa chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="663" />
      <source>Edited the post “%1”</source>
      <translation>Sửa chức vụ “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="317" />
      <source>Edit…</source>
      <translation>Sửa…</translation>
    </message>
    <message>
      <location filename="../../ui/post_holding.py" line="30" />
      <location filename="../../ui/post_holding.py" line="61" />
      <source>End holding</source>
      <translation>Kết thúc nhiệm kỳ</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="320" />
      <source>End holding…</source>
      <translation>Kết thúc nhiệm kỳ…</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="99" />
      <source>Holder today</source>
      <translation>Người đang giữ</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="223" />
      <location filename="../../ui/posts_dialog.py" line="99" />
      <source>In English</source>
      <translation>Tên tiếng Anh</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="358" />
      <source>In order of precedence (1 comes first in meeting briefs). Double-click a name or a precedence to change it; each change is undone with Edit → Undo (Ctrl+Z).</source>
      <translation>Theo thứ tự (số 1 đứng đầu trong tài liệu chuẩn bị họp). Nhấp đúp vào tên hoặc thứ tự để sửa; mỗi thay đổi được hoàn tác bằng Sửa → Hoàn tác (Ctrl+Z).</translation>
    </message>
    <message>
      <location filename="../../ui/post_holding.py" line="56" />
      <source>Last day in the post</source>
      <translation>Ngày cuối giữ chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="248" />
      <location filename="../../ui/posts_dialog.py" line="640" />
      <source>Name the post (e.g. Phó Giám đốc).</source>
      <translation>Hãy nhập tên chức vụ (VD: Phó Giám đốc).</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="123" />
      <source>No holder recorded</source>
      <translation>Chưa ghi nhận người giữ chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="298" />
      <source>No posts yet. Add one here, or with Assign holder…</source>
      <translation>Chưa có chức vụ nào. Thêm ở đây, hoặc qua Bổ nhiệm chức vụ…</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="225" />
      <source>Notes</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="302" />
      <location filename="../../ui/posts_dialog.py" line="521" />
      <source>Notes on the chosen post</source>
      <translation>Ghi chú về chức vụ đang chọn</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="410" />
      <source>Notes on this post; saved when you leave the box, Esc puts the saved ones back</source>
      <translation>Ghi chú về chức vụ này; được lưu khi bạn rời khỏi ô, Esc trả lại bản đã lưu</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="521" />
      <source>Notes on “%1”</source>
      <translation>Ghi chú về “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="544" />
      <source>Nothing changed here to undo</source>
      <translation>Chưa có thay đổi nào ở đây để hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="99" />
      <source>Post</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="265" />
      <source>Posts</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="453" />
      <source>Posts — %1</source>
      <translation>Chức vụ — %1</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="99" />
      <source>Precedence</source>
      <translation>Thứ tự</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="116" />
      <source>Precedence: 1 comes first in meeting briefs</source>
      <translation>Thứ tự: số 1 đứng đầu trong tài liệu chuẩn bị họp</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="323" />
      <source>Remove</source>
      <translation>Xoá</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="535" />
      <source>Remove a post added by mistake (Edit → Undo puts it back)</source>
      <translation>Xoá chức vụ thêm nhầm (Sửa → Hoàn tác để khôi phục)</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="736" />
      <source>Removed the post “%1”</source>
      <translation>Xoá chức vụ “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="415" />
      <source>Saved when you leave the box; undone with Edit → Undo (Ctrl+Z)</source>
      <translation>Được lưu khi bạn rời khỏi ô; hoàn tác bằng Sửa → Hoàn tác (Ctrl+Z)</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="62" />
      <source>Someone else changed the %1 of “%2” since you began: nothing was saved. The list shows it as it is now; make your change again if it is still needed.</source>
      <translation>Người khác đã sửa %1 của “%2” sau khi bạn bắt đầu: chưa lưu gì. Danh sách đang hiện bản mới nhất; nếu vẫn cần, hãy sửa lại.</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="101" />
      <source>Someone else changed the notes of “%1” since you began: nothing was saved. Theirs now read: “%2”. Yours are still in the box: leave it again to save them over theirs, or press Esc in the box to take theirs.</source>
      <translation>Người khác đã sửa ghi chú của “%1” sau khi bạn bắt đầu: chưa lưu gì. Ghi chú của họ hiện là: “%2”. Ghi chú của bạn vẫn ở trong ô: rời khỏi ô lần nữa để lưu đè lên bản của họ, hoặc nhấn Esc trong ô để lấy bản của họ.</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="56" />
      <source>The %1 of “%2” was changed at %4 in another window or from the command line, after you began here: nothing was saved. The list shows it as it is now; make your change again if it is still needed.</source>
      <translation>Chức vụ “%2” đã được sửa (%1) lúc %4 từ một cửa sổ khác hoặc dòng lệnh, sau khi bạn bắt đầu ở đây: chưa lưu gì. Danh sách đang hiện bản mới nhất; nếu vẫn cần, hãy sửa lại.</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="532" />
      <source>The chosen post has no holder today</source>
      <translation>Chức vụ đang chọn hôm nay không có người giữ</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="95" />
      <source>The notes of “%1” were changed at %4 in another window or from the command line, after you began here: nothing was saved. They now read: “%2”. What you typed is still in the box: leave it again to save it over them, or press Esc in the box to take them.</source>
      <translation>Ghi chú của “%1” đã được sửa lúc %4 từ một cửa sổ khác hoặc dòng lệnh, sau khi bạn bắt đầu ở đây: chưa lưu gì. Ghi chú hiện là: “%2”. Những gì bạn gõ vẫn ở trong ô: rời khỏi ô lần nữa để lưu đè lên, hoặc nhấn Esc trong ô để lấy ghi chú hiện có.</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="326" />
      <source>Undo</source>
      <translation>Hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="544" />
      <source>Undo: %1</source>
      <translation>Hoàn tác: %1</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="205" />
      <source>e.g. Deputy Director</source>
      <translation>VD: Deputy Director</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="201" />
      <source>e.g. Phó Giám đốc</source>
      <translation>VD: Phó Giám đốc</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="214" />
      <source>e.g. who acts for the holder when absent, the office's phone</source>
      <translation>VD: ai thay khi người giữ chức vụ vắng mặt, số điện thoại văn phòng</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="28" />
      <source>name</source>
      <translation>tên</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="28" />
      <source>name in English</source>
      <translation>tên tiếng Anh</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="29" />
      <source>notes</source>
      <translation>ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="127" />
      <source>now</source>
      <translation>nay</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="28" />
      <source>precedence</source>
      <translation>thứ tự</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="106" />
      <source>vacant</source>
      <translation>còn trống</translation>
    </message>
    <message>
      <location filename="../../ui/post_words.py" line="114" />
      <source>“%1” has %Ln holder(s) recorded: their role history stays, so the post cannot be removed.</source>
      <translation>“%1” có %Ln người giữ chức vụ đã được ghi nhận: quá trình công tác của họ được giữ lại, nên không thể xoá chức vụ này.</translation>
    </message>
  </context>
  <context>
    <name>PrefilledNote</name>
    <message>
      <location filename="../../ui/dialogs/prefilled.py" line="50" />
      <source>Filled in from the list: %1.</source>
      <translation>Điền sẵn từ danh sách: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/prefilled.py" line="54" />
      <source>Not the one you meant? Remove takes out what was filled in from the list; then type who came.</source>
      <translation>Không đúng người bạn định chọn? Bấm Bỏ ra để bỏ những gì đã điền sẵn từ danh sách, rồi gõ tên những người dự.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/prefilled.py" line="45" />
      <source>Remove</source>
      <translation>Bỏ ra</translation>
    </message>
  </context>
  <context>
    <name>PreviewPage</name>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="265" />
      <source>%1 (%Ln row(s))</source>
      <translation>%1 (%Ln dòng)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="292" />
      <source>%1 of %2 rows of %3 sheets will be written, together: one import, one undo.</source>
      <translation>Sẽ ghi %1 trên %2 dòng của %3 trang, cùng một lúc: một lần nhập, một lần hoàn tác.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="298" />
      <source>%1 of %2 rows will be written.</source>
      <translation>Sẽ ghi %1 trên %2 dòng.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="327" />
      <source>%1 of them are hidden in Excel (hidden or filtered out): imported too, each with a warning.</source>
      <translation>Trong đó %1 dòng bị ẩn trong Excel (ẩn hoặc bị lọc): vẫn được nhập, mỗi dòng kèm một cảnh báo.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="320" />
      <source>%1 rows hidden in Excel (hidden or filtered out) are left out.</source>
      <translation>%1 dòng bị ẩn trong Excel (ẩn hoặc bị lọc) được bỏ qua.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="138" />
      <source>&amp;Check again</source>
      <translation>&amp;Kiểm tra lại</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="102" />
      <source>&amp;Import</source>
      <translation>&amp;Nhập</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="312" />
      <source>&amp;Leave out the %Ln row(s) hidden in Excel (hidden or filtered out)</source>
      <translation>&amp;Bỏ qua %Ln dòng bị ẩn trong Excel (ẩn hoặc bị lọc)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="162" />
      <source>&amp;Show:</source>
      <translation>&amp;Hiển thị:</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="323" />
      <source>1 of them is hidden in Excel (hidden or filtered out): imported too, with a warning.</source>
      <translation>Trong đó 1 dòng bị ẩn trong Excel (ẩn hoặc bị lọc): vẫn được nhập, kèm một cảnh báo.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="318" />
      <source>1 row hidden in Excel (hidden or filtered out) is left out.</source>
      <translation>1 dòng bị ẩn trong Excel (ẩn hoặc bị lọc) được bỏ qua.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="151" />
      <source>All rows</source>
      <translation>Tất cả các dòng</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="345" />
      <source>B&amp;ring back the %Ln record(s) from the trash instead of creating new ones</source>
      <translation>Khôi &amp;phục %Ln bản ghi từ thùng rác thay vì tạo bản ghi mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="97" />
      <source>Check what will happen</source>
      <translation>Xem trước kết quả</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="210" />
      <source>Created alongside</source>
      <translation>Tạo kèm theo</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="412" />
      <source>Created alongside (%1)</source>
      <translation>Tạo kèm theo (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="153" />
      <source>Errors and duplicates</source>
      <translation>Lỗi và trùng lặp</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="152" />
      <source>Errors only</source>
      <translation>Chỉ dòng lỗi</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="99" />
      <source>Every row of the sheet, checked and matched. Nothing is written until you press Import.</source>
      <translation>Mọi dòng của trang tính đã được kiểm tra và đối chiếu. Chưa ghi gì cho đến khi bạn bấm Nhập.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="154" />
      <source>New records</source>
      <translation>Bản ghi mới</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="289" />
      <source>Nothing to import: every row is an error, a duplicate or skipped.</source>
      <translation>Không có gì để nhập: mọi dòng đều lỗi, trùng lặp hoặc bị bỏ qua.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="355" />
      <source>Only when a row that matches an existing record fills or overwrites it (the previous page).</source>
      <translation>Chỉ áp dụng khi dòng trùng với một bản ghi đã có được dùng để điền chỗ trống hoặc ghi đè lên bản ghi đó (trang trước).</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="245" />
      <source>Reading, checking and matching rows…</source>
      <translation>Đang đọc, kiểm tra và đối chiếu các dòng…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="209" />
      <source>Rows</source>
      <translation>Các dòng</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="125" />
      <source>Rows hidden in Excel by hand, filtered out by an autofilter or in a collapsed group. They are imported unless you leave them out here.</source>
      <translation>Các dòng bị ẩn trong Excel: ẩn thủ công, bị bộ lọc (AutoFilter) lọc ra hoặc nằm trong một nhóm đã thu gọn. Các dòng này vẫn được nhập, trừ khi bạn chọn bỏ qua ở đây.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="168" />
      <source>Save error report…</source>
      <translation>Lưu báo cáo lỗi…</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="156" />
      <source>Skipped</source>
      <translation>Bỏ qua</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="349" />
      <source>The same people, organisations or actions are in the trash (%1): an import undone, or records deleted. Brought back, each keeps its meetings, actions and history and is updated from its row as a record that exists is; undoing the import puts them back in the trash.</source>
      <translation>Chính những người, tổ chức hoặc việc cần làm này đang ở trong thùng rác (%1): do một lần nhập đã được hoàn tác, hoặc do bản ghi đã bị xoá. Khi được khôi phục, mỗi bản ghi giữ nguyên các cuộc họp, việc cần làm và lịch sử của nó, và được cập nhật từ dòng tương ứng như một bản ghi đã có; hoàn tác lần nhập sẽ trả chúng lại thùng rác.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="287" />
      <source>The sheet has no rows below its header.</source>
      <translation>Trang tính không có dòng nào dưới tiêu đề.</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="155" />
      <source>Updates</source>
      <translation>Cập nhật</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="157" />
      <source>With warnings</source>
      <translation>Có cảnh báo</translation>
    </message>
    <message>
      <location filename="../../ui/import_wizard/preview_page.py" line="389" />
      <source>With warnings (%1)</source>
      <translation>Có cảnh báo (%1)</translation>
    </message>
  </context>
  <context>
    <name>Progress</name>
    <message>
      <location filename="../../ui/progress.py" line="35" />
      <source>Cancel</source>
      <translation>Huỷ</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <location filename="../../ui/file_dialogs.py" line="50" />
      <source>%1 File</source>
      <translation>Tệp %1</translation>
    </message>
  </context>
  <context>
    <name>RecordCount</name>
    <message>
      <location filename="../../ui/labels.py" line="337" />
      <source>%Ln action(s)</source>
      <translation>%Ln việc cần làm</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="331" />
      <source>%Ln contact(s)</source>
      <translation>%Ln người liên hệ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="335" />
      <source>%Ln meeting(s)</source>
      <translation>%Ln cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="333" />
      <source>%Ln organisation(s)</source>
      <translation>%Ln tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="340" />
      <source>%Ln record(s)</source>
      <translation>%Ln bản ghi</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="339" />
      <source>%Ln staff member(s)</source>
      <translation>%Ln cán bộ</translation>
    </message>
  </context>
  <context>
    <name>RecordForm</name>
    <message>
      <location filename="../../ui/successor_note.py" line="68" />
      <source>%1 became %2 on %3: saved with %2. &lt;a href="keep"&gt;Keep %1&lt;/a&gt;</source>
      <translation>%1 đã trở thành %2 từ ngày %3: sẽ lưu với %2. &lt;a href="keep"&gt;Giữ %1&lt;/a&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="64" />
      <source>%1 deleted this %2 (%4). It is in the trash (View → Trash).</source>
      <translation>%1 đã xóa %2 này (%4). Hồ sơ đang ở thùng rác (Xem → Thùng rác).</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="62" />
      <source>%1 merged this %2 into “%3” (%4), which is no longer there either.</source>
      <translation>%1 đã gộp %2 này vào “%3” (%4), nhưng hồ sơ đó nay cũng không còn.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="55" />
      <source>%1 merged this %2 into “%3” (%4).</source>
      <translation>%1 đã gộp %2 này vào “%3” (%4).</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="68" />
      <source>%1 removed this %2 for good (%4): the trash was emptied.</source>
      <translation>%1 đã xóa hẳn %2 này (%4) khi dọn thùng rác.</translation>
    </message>
    <message>
      <location filename="../../ui/successor_note.py" line="79" />
      <source>%1 was split on %2: which one is it now? %3</source>
      <translation>%1 đã chia tách từ ngày %2: nay là tổ chức nào? %3</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="47" />
      <source>A colleague</source>
      <translation>Một đồng nghiệp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/record_form.py" line="368" />
      <source>Discard changes?</source>
      <translation>Bỏ các thay đổi?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/record_form.py" line="167" />
      <source>Edit %1</source>
      <translation>Sửa %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="57" />
      <source>Fill in your changes on “%1”, to check and save them there?</source>
      <translation>Điền các thay đổi của bạn vào “%1” để kiểm tra và lưu ở đó?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="60" />
      <source>Go to “%1”</source>
      <translation>Chuyển sang “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/record_form.py" line="617" />
      <source>It had something else in: %1.</source>
      <translation>Hồ sơ này vốn có giá trị khác ở: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/record_form.py" line="169" />
      <location filename="../../ui/dialogs/record_form.py" line="544" />
      <source>New %1</source>
      <translation>Thêm %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="80" />
      <source>Not now</source>
      <translation>Để sau</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/record_form.py" line="564" />
      <source>Not restored: %1. What you typed is still in this form.</source>
      <translation>Chưa khôi phục được: %1. Những gì bạn đã nhập vẫn còn trong biểu mẫu này.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="90" />
      <source>Not saved</source>
      <translation>Chưa lưu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/record_form.py" line="477" />
      <source>Not saved: the database was restored from a backup after you opened this record. Discard your changes and open the record again.</source>
      <translation>Chưa lưu: cơ sở dữ liệu đã được khôi phục từ một bản sao lưu sau khi bạn mở bản ghi này. Hãy bỏ các thay đổi và mở lại bản ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="66" />
      <source>Restore and keep my changes</source>
      <translation>Khôi phục và giữ thay đổi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="65" />
      <source>Restore it from the trash and keep your changes?</source>
      <translation>Khôi phục hồ sơ từ thùng rác và giữ các thay đổi của bạn?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="70" />
      <source>Save as new</source>
      <translation>Lưu thành hồ sơ mới</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="69" />
      <source>Save what is in this form as a new %1?</source>
      <translation>Lưu nội dung trong biểu mẫu này thành %1 mới?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/record_form.py" line="614" />
      <source>Your changes are filled in on “%1”: check them and save.</source>
      <translation>Các thay đổi của bạn đã được điền vào “%1”: hãy kiểm tra rồi lưu.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/gone.py" line="52" />
      <source>Your changes were not saved; they are still in this form.</source>
      <translation>Thay đổi của bạn chưa được lưu; chúng vẫn còn trong biểu mẫu này.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/record_form.py" line="304" />
      <source>a confidential record</source>
      <translation>hồ sơ mật</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/record_form.py" line="287" />
      <source>separate several with commas</source>
      <translation>cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/record_form.py" line="612" />
      <source>“%1” is back from the trash, with your changes filled in: check them and save.</source>
      <translation>“%1” đã được khôi phục từ thùng rác, kèm các thay đổi của bạn: hãy kiểm tra rồi lưu.</translation>
    </message>
  </context>
  <context>
    <name>RecordListModel</name>
    <message>
      <location filename="../../ui/lists/model.py" line="421" />
      <location filename="../../ui/lists/model.py" line="424" />
      <source>%1 (in the trash)</source>
      <translation>%1 (trong thùng rác)</translation>
    </message>
    <message>
      <location filename="../../ui/lists/model.py" line="393" />
      <source>Due today</source>
      <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
      <location filename="../../ui/lists/model.py" line="393" />
      <source>Overdue</source>
      <translation>Quá hạn</translation>
    </message>
  </context>
  <context>
    <name>RedoOffer</name>
    <message>
      <location filename="../../ui/commands.py" line="245" />
      <source>&amp;Redo</source>
      <translation>&amp;Làm lại</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="243" />
      <source>&amp;Redo: %1</source>
      <translation>&amp;Làm lại: %1</translation>
    </message>
  </context>
  <context>
    <name>Reorganisation</name>
    <message>
      <location filename="../../ui/reorg.py" line="139" />
      <source>Also into</source>
      <translation>Và chia tách thành</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="286" />
      <location filename="../../ui/reorg.py" line="377" />
      <source>Assign holder — %1</source>
      <translation>Bổ nhiệm người giữ chức vụ — %1</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="413" />
      <source>Assign holder…</source>
      <translation>Bổ nhiệm chức vụ…</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="323" />
      <source>Decision</source>
      <translation>Quyết định</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="57" />
      <source>Departments</source>
      <translation>Đơn vị trực thuộc</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="127" />
      <source>Detail</source>
      <translation>Chi tiết</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="141" />
      <source>Effective date</source>
      <translation>Ngày hiệu lực</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="460" />
      <location filename="../../ui/reorg.py" line="322" />
      <source>From</source>
      <translation>Từ ngày</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="56" />
      <source>Future meetings</source>
      <translation>Cuộc họp sắp tới</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="131" />
      <source>History, past meetings and closed actions stay with %1.</source>
      <translation>Lịch sử, các cuộc họp đã qua và việc đã đóng vẫn thuộc %1.</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="321" />
      <source>Holder</source>
      <translation>Người giữ chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="49" />
      <source>Merged into</source>
      <translation>Hợp nhất vào</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="308" />
      <source>Name (a contact)</source>
      <translation>Họ tên (một người liên hệ)</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="117" />
      <source>Name or acronym</source>
      <translation>Tên hoặc tên viết tắt</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="114" />
      <source>Name or acronym; on a split, several separated by ;</source>
      <translation>Tên hoặc tên viết tắt; khi chia tách, nhiều tên cách nhau bằng ;</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="361" />
      <source>Name the holder (a contact).</source>
      <translation>Hãy nêu người giữ chức vụ (một người liên hệ).</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="317" />
      <source>New post</source>
      <translation>Chức vụ mới</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="292" />
      <source>New post…</source>
      <translation>Chức vụ mới…</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="142" />
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="54" />
      <source>Open actions</source>
      <translation>Việc cần làm đang mở</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="55" />
      <source>People</source>
      <translation>Nhân sự</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="222" />
      <location filename="../../ui/posts_dialog.py" line="99" />
      <location filename="../../ui/reorg.py" line="316" />
      <source>Post</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="414" />
      <source>Posts…</source>
      <translation>Chức vụ…</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="224" />
      <location filename="../../ui/posts_dialog.py" line="99" />
      <location filename="../../ui/reorg.py" line="318" />
      <source>Precedence</source>
      <translation>Thứ tự</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="116" />
      <location filename="../../ui/posts_dialog.py" line="210" />
      <location filename="../../ui/reorg.py" line="299" />
      <source>Precedence: 1 comes first in meeting briefs</source>
      <translation>Thứ tự: số 1 đứng đầu trong tài liệu chuẩn bị họp</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="122" />
      <source>Preview</source>
      <translation>Xem trước</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="49" />
      <source>Renamed to</source>
      <translation>Đổi tên thành</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="107" />
      <location filename="../../ui/reorg.py" line="261" />
      <source>Reorganisation of %1</source>
      <translation>Sắp xếp lại %1</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="412" />
      <source>Reorganisation…</source>
      <translation>Sắp xếp tổ chức…</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="148" />
      <source>Reorganise</source>
      <translation>Sắp xếp lại</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="49" />
      <source>Split into</source>
      <translation>Chia tách thành</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="138" />
      <source>Successor</source>
      <translation>Tổ chức kế thừa</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="460" />
      <location filename="../../ui/reorg.py" line="127" />
      <source>To</source>
      <translation>Chuyển sang</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="137" />
      <source>What happened</source>
      <translation>Hình thức</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="127" />
      <source>What moves</source>
      <translation>Những gì được chuyển</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="312" />
      <source>e.g. 123/QĐ-BKHCN</source>
      <translation>VD: 123/QĐ-BKHCN</translation>
    </message>
    <message>
      <location filename="../../ui/posts_dialog.py" line="201" />
      <location filename="../../ui/reorg.py" line="295" />
      <source>e.g. Phó Giám đốc</source>
      <translation>VD: Phó Giám đốc</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="121" />
      <source>e.g. Resolution 176/2025/QH15</source>
      <translation>VD: Nghị quyết 176/2025/QH15</translation>
    </message>
    <message>
      <location filename="../../ui/reorg.py" line="290" />
      <source>vacant</source>
      <translation>còn trống</translation>
    </message>
  </context>
  <context>
    <name>RescheduleDialog</name>
    <message>
      <location filename="../../ui/commands.py" line="89" />
      <source>+1 day</source>
      <translation>+1 ngày</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="90" />
      <source>+1 week</source>
      <translation>+1 tuần</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="92" />
      <source>+3 working days</source>
      <translation>+3 ngày làm việc</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="91" />
      <source>End of month</source>
      <translation>Cuối tháng</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="111" />
      <source>New due date</source>
      <translation>Hạn mới</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="63" />
      <source>Reschedule</source>
      <translation>Dời hạn</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="86" />
      <source>the due date</source>
      <translation>hạn hiện tại</translation>
    </message>
  </context>
  <context>
    <name>SearchDialog</name>
    <message>
      <location filename="../../ui/dialogs/search.py" line="125" />
      <source>No match for “%1”</source>
      <translation>Không tìm thấy kết quả cho “%1”</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/search.py" line="39" />
      <source>Organisations, people, meetings, actions… (nguyen, nic, dang)</source>
      <translation>Tổ chức, người, cuộc họp, việc cần làm… (nguyen, nic, dang)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/search.py" line="31" />
      <source>Search everywhere</source>
      <translation>Tìm kiếm</translation>
    </message>
  </context>
  <context>
    <name>ServiceMessage</name>
    <message>
      <location filename="../../ui/service_words.py" line="47" />
      <source>%1 is another program's SQLite database (its tables: %2), not a Ketnoi database; not opening it, nothing written to it. Choose a Ketnoi database, or a new file name to start one</source>
      <translation>%1 là cơ sở dữ liệu SQLite của một chương trình khác (các bảng: %2), không phải cơ sở dữ liệu Ketnoi; Ketnoi không mở tệp này và không ghi gì vào đó. Hãy chọn một cơ sở dữ liệu Ketnoi, hoặc một tên tệp mới để bắt đầu</translation>
    </message>
    <message>
      <location filename="../../ui/service_words.py" line="37" />
      <source>%1 is not a Ketnoi database (not an SQLite file); not opening it. A workbook or a CSV file is imported instead: File → Import spreadsheet…, or ketnoi import FILE</source>
      <translation>%1 không phải là cơ sở dữ liệu Ketnoi (không phải tệp SQLite); không mở tệp này. Bảng tính hoặc tệp CSV thì nhập vào: Tệp → Nhập từ bảng tính…, hoặc ketnoi import TỆP</translation>
    </message>
    <message>
      <location filename="../../ui/service_words.py" line="30" />
      <source>a letter cannot answer itself</source>
      <translation>công văn không thể trả lời chính nó</translation>
    </message>
    <message>
      <location filename="../../ui/service_words.py" line="28" />
      <source>a letter number is a whole number from 1</source>
      <translation>số công văn là số nguyên từ 1 trở lên</translation>
    </message>
    <message>
      <location filename="../../ui/service_words.py" line="29" />
      <source>a signed letter has its number from the register (sign it)</source>
      <translation>công văn đã ký mang số do sổ cấp (hãy ký công văn)</translation>
    </message>
    <message>
      <location filename="../../ui/service_words.py" line="27" />
      <source>an incoming letter is received or replied</source>
      <translation>công văn đến chỉ có trạng thái đã nhận hoặc đã trả lời</translation>
    </message>
    <message>
      <location filename="../../ui/service_words.py" line="26" />
      <source>an outgoing letter is not received</source>
      <translation>công văn đi không có trạng thái đã nhận</translation>
    </message>
    <message>
      <location filename="../../ui/service_words.py" line="25" />
      <source>say what the letter is about (trích yếu)</source>
      <translation>hãy ghi trích yếu của công văn</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="43" />
      <source>A file on this computer (SQLite)</source>
      <translation>Một tệp trên máy này (SQLite)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="68" />
      <source>A new database location is opened on OK, in place of the one open now.</source>
      <translation>Vị trí cơ sở dữ liệu mới được mở khi bạn nhấn OK, thay cho cơ sở dữ liệu đang mở.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="44" />
      <source>A team server (PostgreSQL URL)</source>
      <translation>Máy chủ dùng chung (địa chỉ PostgreSQL)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="109" />
      <source>As the system</source>
      <translation>Theo hệ thống</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="50" />
      <source>Choose…</source>
      <translation>Chọn…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="124" />
      <source>Database</source>
      <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="187" />
      <source>Database file</source>
      <translation>Tệp cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="152" />
      <source>Dates</source>
      <translation>Ngày tháng</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="100" />
      <source>Day first: 23/11/2026</source>
      <translation>Ngày trước: 23/11/2026</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="49" />
      <source>Default: ketnoi.db in your data folder</source>
      <translation>Mặc định: ketnoi.db trong thư mục dữ liệu của bạn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="170" />
      <source>Full name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="142" />
      <source>I am</source>
      <translation>Tôi là</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="101" />
      <source>ISO: 2026-11-23</source>
      <translation>ISO: 2026-11-23</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="189" />
      <source>Ketnoi database (*.db)</source>
      <translation>Cơ sở dữ liệu Ketnoi (*.db)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="153" />
      <source>Language</source>
      <translation>Ngôn ngữ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="102" />
      <source>Month first: 11/23/2026</source>
      <translation>Tháng trước: 11/23/2026</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="170" />
      <source>New staff member</source>
      <translation>Cán bộ mới</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="131" />
      <source>New staff member…</source>
      <translation>Thêm cán bộ…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="64" />
      <source>Now open: %1</source>
      <translation>Đang mở: %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="38" />
      <source>Settings</source>
      <translation>Cài đặt</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="149" />
      <source>Signed in as</source>
      <translation>Đăng nhập với tên</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="119" />
      <source>The whole window changes language when you press OK.</source>
      <translation>Toàn bộ cửa sổ chuyển sang ngôn ngữ mới ngay khi bạn bấm OK.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="82" />
      <source>This database was given on the command line (--db or KETNOI_DATABASE_URL) and is open for this session only. The choice above is the saved one (%1): Ketnoi opens it when started without --db.</source>
      <translation>Cơ sở dữ liệu này được chỉ định trên dòng lệnh (--db hoặc KETNOI_DATABASE_URL) và chỉ mở cho phiên làm việc này. Lựa chọn ở trên là lựa chọn đã lưu (%1): Ketnoi sẽ mở nó khi khởi động không có --db.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="92" />
      <source>— not chosen —</source>
      <translation>— chưa chọn —</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="60" />
      <source>Chosen attendee: change the role (Tab: organisation)</source>
      <translation>Người dự đã chọn: đổi vai trò (Tab: tổ chức)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="45" />
      <source>Follow-up due 3 working days after the meeting</source>
      <translation>Việc cần làm có hạn 3 ngày làm việc sau cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="41" />
      <source>Follow-up due a week after the meeting</source>
      <translation>Việc cần làm có hạn một tuần sau cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="42" />
      <source>Follow-up due at the end of its month</source>
      <translation>Việc cần làm có hạn vào cuối tháng của cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="40" />
      <source>Follow-up due the day after the meeting</source>
      <translation>Việc cần làm có hạn vào ngày sau cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="48" />
      <source>Follow-up with no due date</source>
      <translation>Việc cần làm không có hạn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="55" />
      <source>From an empty attendee or organisation field: its chosen list</source>
      <translation>Từ ô người dự hoặc tổ chức đang trống: tới danh sách đã chọn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="65" />
      <source>From the role or organisation: back to the list</source>
      <translation>Từ vai trò hoặc tổ chức: quay về danh sách</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="131" />
      <source>In a list</source>
      <translation>Trong danh sách</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="37" />
      <source>In a record's form</source>
      <translation>Trong biểu mẫu của một bản ghi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="36" />
      <source>In the Log meeting dialog</source>
      <translation>Trong hộp thoại Ghi nhận cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="143" />
      <source>Other commands</source>
      <translation>Lệnh khác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="70" />
      <source>Remove the selected attendee, organisation or new follow-up</source>
      <translation>Bỏ người dự, tổ chức hoặc việc mới đang chọn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="39" />
      <location filename="../../ui/dialogs/shortcuts.py" line="49" />
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="75" />
      <source>Select all</source>
      <translation>Chọn tất cả</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="175" />
      <source>Command</source>
      <translation>Lệnh</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="169" />
      <source>Find a command or a key…</source>
      <translation>Tìm lệnh hoặc phím…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="166" />
      <source>Keyboard shortcuts</source>
      <translation>Phím tắt</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/shortcuts.py" line="175" />
      <source>Keys</source>
      <translation>Phím</translation>
    </message>
  </context>
  <context>
    <name>ShowAllOffer</name>
    <message>
      <location filename="../../ui/filter_offer.py" line="28" />
      <location filename="../../ui/lists/empty.py" line="27" />
      <source>Show all</source>
      <translation>Hiện tất cả</translation>
    </message>
  </context>
  <context>
    <name>StakeholderMap</name>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1115" />
      <source>%1 not rated yet</source>
      <translation>%1 chưa được đánh giá</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1113" />
      <source>%1 shown</source>
      <translation>Hiển thị %1</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1160" />
      <source>%1 was changed in another window or from the command line meanwhile: the map is reloaded.</source>
      <translation>%1 vừa được sửa ở một cửa sổ khác hoặc từ dòng lệnh: bản đồ đã được tải lại.</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1157" />
      <source>%2 changed %1 meanwhile: the map is reloaded.</source>
      <translation>%2 vừa sửa %1: bản đồ đã được tải lại.</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="890" />
      <source>%Ln meeting(s) in 12 months</source>
      <translation>%Ln cuộc họp trong 12 tháng</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="903" />
      <source>%Ln more here: click to zoom in</source>
      <translation>Còn %Ln nữa ở đây: bấm để phóng to</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1035" />
      <source>Dot size: meetings in the last 12 months. Click a dot to open it. Wheel or +/− zooms, dragging the background pans; a +N bubble holds what does not fit: click it to zoom in.</source>
      <translation>Cỡ chấm: số cuộc họp trong 12 tháng qua. Bấm một chấm để mở. Con lăn chuột hoặc +/− để phóng to, thu nhỏ; kéo nền để di chuyển; bong bóng +N gom những gì không vừa chỗ: bấm vào để phóng to.</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1029" />
      <source>Dot size: meetings in the last 12 months. Drag a dot to re-rate it; click to open. Wheel or +/− zooms, dragging the background pans; a +N bubble holds what does not fit: click it to zoom in.</source>
      <translation>Cỡ chấm: số cuộc họp trong 12 tháng qua. Kéo một chấm để chấm điểm lại; bấm để mở. Con lăn chuột hoặc +/− để phóng to, thu nhỏ; kéo nền để di chuyển; bong bóng +N gom những gì không vừa chỗ: bấm vào để phóng to.</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1059" />
      <source>Every sector</source>
      <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1060" />
      <source>Every tag</source>
      <translation>Mọi nhãn</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1013" />
      <source>Fit</source>
      <translation>Vừa khung</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="893" />
      <location filename="../../ui/stakeholder_map.py" line="906" />
      <source>Influence %1 · interest %2</source>
      <translation>Ảnh hưởng %1 · quan tâm %2</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="797" />
      <source>Influence →</source>
      <translation>Mức ảnh hưởng →</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="786" />
      <source>Interest →</source>
      <translation>Mức quan tâm →</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="84" />
      <source>Keep informed</source>
      <translation>Thông tin thường xuyên</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="83" />
      <source>Keep satisfied</source>
      <translation>Giữ hài lòng</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="230" />
      <source>Loading…</source>
      <translation>Đang tải…</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="82" />
      <source>Manage closely</source>
      <translation>Quản lý chặt chẽ</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="85" />
      <source>Monitor</source>
      <translation>Theo dõi</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1122" />
      <source>No sector</source>
      <translation>Chưa có lĩnh vực</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="86" />
      <source>Not rated yet</source>
      <translation>Chưa đánh giá</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="234" />
      <source>Nothing rated matches the sector or tag chosen</source>
      <translation>Không có mục nào đã đánh giá khớp với lĩnh vực hoặc nhãn đã chọn</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="235" />
      <source>Nothing rated yet: set influence and interest</source>
      <translation>Chưa có đánh giá nào: hãy nhập mức ảnh hưởng và mức quan tâm</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1129" />
      <source>Rated %1: influence %2, interest %3</source>
      <translation>Đã đánh giá %1: ảnh hưởng %2, quan tâm %3</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1000" />
      <source>Show</source>
      <translation>Hiển thị</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1013" />
      <source>Show the whole grid (0)</source>
      <translation>Xem toàn bộ lưới (0)</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1163" />
      <source>Someone changed %1 meanwhile: the map is reloaded.</source>
      <translation>Người khác vừa sửa %1: bản đồ đã được tải lại.</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1012" />
      <source>Zoom in (+, or the mouse wheel)</source>
      <translation>Phóng to (+, hoặc con lăn chuột)</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="1011" />
      <source>Zoom out (−)</source>
      <translation>Thu nhỏ (−)</translation>
    </message>
    <message>
      <location filename="../../ui/stakeholder_map.py" line="788" />
      <source>zoom %1×</source>
      <translation>phóng to %1×</translation>
    </message>
  </context>
  <context>
    <name>Story</name>
    <message>
      <location filename="../../ui/details/story.py" line="136" />
      <source>%1 open, %2 done</source>
      <translation>%1 đang mở, %2 đã xong</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="92" />
      <source>(in the trash)</source>
      <translation>(trong thùng rác)</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="438" />
      <location filename="../../ui/details/story.py" line="472" />
      <source>Agenda</source>
      <translation>Chương trình họp</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="425" />
      <source>Attendees</source>
      <translation>Thành phần tham dự</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="460" />
      <source>Cc</source>
      <translation>Cc</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="44" />
      <source>Changed</source>
      <translation>Đã sửa</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="504" />
      <source>Completed</source>
      <translation>Hoàn thành</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="467" />
      <source>Contacts on this e-mail</source>
      <translation>Liên hệ trong thư</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="39" />
      <source>Created</source>
      <translation>Tạo mới</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="440" />
      <location filename="../../ui/details/story.py" line="472" />
      <source>Decisions</source>
      <translation>Kết luận</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="40" />
      <source>Deleted</source>
      <translation>Đã xoá</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="327" />
      <source>Departments</source>
      <translation>Đơn vị trực thuộc</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="487" />
      <source>Due</source>
      <translation>Hạn</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="149" />
      <source>Files</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="444" />
      <source>Follow-up actions</source>
      <translation>Việc cần làm tiếp theo</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="460" />
      <source>From</source>
      <translation>Người gửi</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="413" />
      <source>From a calendar invitation</source>
      <translation>Từ lời mời lịch</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="411" />
      <source>From a calendar invitation by %1</source>
      <translation>Từ lời mời lịch của %1</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="500" />
      <source>From meeting</source>
      <translation>Từ cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="509" />
      <source>History</source>
      <translation>Lịch sử</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="42" />
      <source>Imported</source>
      <translation>Đã nhập</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="281" />
      <source>Influence</source>
      <translation>Mức ảnh hưởng</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="281" />
      <source>Interest</source>
      <translation>Mức quan tâm</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="358" />
      <source>Last contacted</source>
      <translation>Liên hệ gần nhất</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="324" />
      <source>Letters</source>
      <translation>Công văn</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="43" />
      <source>Merged</source>
      <translation>Đã gộp</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="204" />
      <source>Merged into %1 on %2</source>
      <translation>Đã hợp nhất vào %1 từ ngày %2</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="471" />
      <source>Message</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="439" />
      <source>Minutes</source>
      <translation>Biên bản</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="317" />
      <source>Moved on:</source>
      <translation>Đã chuyển công tác:</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="434" />
      <source>No attendees recorded.</source>
      <translation>Chưa ghi thành phần tham dự.</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="172" />
      <source>No meetings yet, and no action with a date.</source>
      <translation>Chưa có cuộc họp, và chưa có việc nào có ngày.</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="313" />
      <source>No one recorded yet.</source>
      <translation>Chưa có ai.</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="332" />
      <source>Notes</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="126" />
      <source>Nothing</source>
      <translation>Không có</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="126" />
      <source>Nothing open</source>
      <translation>Không còn việc đang mở</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="108" />
      <source>Nothing open in either direction.</source>
      <translation>Không còn việc đang mở ở cả hai bên.</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="288" />
      <source>Open commitments</source>
      <translation>Cam kết đang mở</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="453" />
      <source>Our staff</source>
      <translation>Cán bộ bên ta</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="487" />
      <source>Overdue</source>
      <translation>Quá hạn</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="276" />
      <source>Part of</source>
      <translation>Trực thuộc</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="290" />
      <source>People</source>
      <translation>Nhân sự</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="257" />
      <source>Posts</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="363" />
      <source>Posts held</source>
      <translation>Chức vụ đã giữ</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="502" />
      <source>Reference</source>
      <translation>Số hiệu</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="278" />
      <source>Relationship owner</source>
      <translation>Cán bộ phụ trách</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="205" />
      <source>Renamed to %1 on %2</source>
      <translation>Đã đổi tên thành %1 từ ngày %2</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="493" />
      <source>Responsible</source>
      <translation>Người thực hiện</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="41" />
      <source>Restored</source>
      <translation>Đã khôi phục</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="379" />
      <source>Role history</source>
      <translation>Quá trình công tác</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="206" />
      <source>Split into %1 on %2</source>
      <translation>Đã chia tách thành %1 từ ngày %2</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="329" />
      <source>Timeline</source>
      <translation>Diễn biến</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="460" />
      <source>To</source>
      <translation>Người nhận</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="45" />
      <source>Undone</source>
      <translation>Đã hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="77" />
      <source>a confidential record</source>
      <translation>hồ sơ mật</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="251" />
      <source>before:</source>
      <translation>trước đó:</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="239" />
      <source>decision</source>
      <translation>quyết định</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="163" />
      <source>done</source>
      <translation>đã xong</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="185" />
      <source>draft</source>
      <translation>dự thảo</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="216" />
      <source>formerly</source>
      <translation>trước đây</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="199" />
      <source>merged</source>
      <translation>hợp nhất</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="115" />
      <source>no date</source>
      <translation>chưa có ngày</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="482" />
      <source>no due date</source>
      <translation>chưa có hạn</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="387" />
      <source>none recorded before</source>
      <translation>trước đó chưa ghi nhận</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="228" />
      <source>now</source>
      <translation>nay</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="117" />
      <source>overdue</source>
      <translation>quá hạn</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="200" />
      <source>renamed</source>
      <translation>đổi tên</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="189" />
      <source>reply by</source>
      <translation>trả lời trước</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="238" />
      <source>since</source>
      <translation>từ</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="201" />
      <source>split</source>
      <translation>chia tách</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="119" />
      <source>today</source>
      <translation>hôm nay</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="347" />
      <source>unverified</source>
      <translation>chưa xác minh</translation>
    </message>
    <message>
      <location filename="../../ui/details/story.py" line="245" />
      <source>vacant</source>
      <translation>còn trống</translation>
    </message>
  </context>
  <context>
    <name>Team</name>
    <message>
      <location filename="../../ui/team.py" line="296" />
      <source>%1 (read-only) — Ketnoi</source>
      <translation>%1 (chỉ đọc) — Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="102" />
      <source>%1 is open read-only: Ketnoi may not write to it where it is.</source>
      <translation>%1 đang được mở ở chế độ chỉ đọc: Ketnoi không được ghi vào tệp ở vị trí hiện tại.</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="51" />
      <source>%1 — login %2, %3</source>
      <translation>%1 — tài khoản %2, %3</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="134" />
      <source>Cannot be undone here (read-only file)</source>
      <translation>Không hoàn tác được ở đây (tệp chỉ đọc)</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="135" />
      <source>Cannot be undone here (your role only reads)</source>
      <translation>Không hoàn tác được ở đây (vai trò của bạn chỉ được xem)</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="414" />
      <location filename="../../ui/team.py" line="552" />
      <source>Confidential</source>
      <translation>Mật</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="329" />
      <location filename="../../ui/team.py" line="398" />
      <source>Login disabled</source>
      <translation>Tài khoản bị vô hiệu hóa</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="499" />
      <source>Not shared: only its owner (%1) or a manager can share it with colleagues. Ask them to.</source>
      <translation>Chưa chia sẻ: chỉ cán bộ phụ trách (%1) hoặc lãnh đạo mới chia sẻ được hồ sơ này với đồng nghiệp. Hãy nhờ họ chia sẻ.</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="502" />
      <source>Not shared: only its owner or a manager can share it with colleagues.</source>
      <translation>Chưa chia sẻ: chỉ cán bộ phụ trách hoặc lãnh đạo mới chia sẻ được hồ sơ này với đồng nghiệp.</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="329" />
      <source>Read only</source>
      <translation>Chỉ đọc</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="331" />
      <source>Read-only file</source>
      <translation>Tệp chỉ đọc</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="142" />
      <source>Read-only file: changing it is off.</source>
      <translation>Tệp chỉ đọc: không thể thay đổi.</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="408" />
      <source>Seen only by its owner, the staff on it, colleagues it is shared with and managers (on a shared database; the database itself enforces it).</source>
      <translation>Chỉ cán bộ phụ trách, cán bộ tham gia, đồng nghiệp được chia sẻ và lãnh đạo xem được (trên cơ sở dữ liệu dùng chung; chính cơ sở dữ liệu bảo đảm điều này).</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="432" />
      <location filename="../../ui/team.py" line="488" />
      <source>Share with colleagues</source>
      <translation>Chia sẻ với đồng nghiệp</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="525" />
      <source>Share…</source>
      <translation>Chia sẻ…</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="459" />
      <source>Who else may see it:</source>
      <translation>Ai khác được xem:</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="114" />
      <source>You can look, search, print briefs and export, but not change anything. To change it, copy the file to a folder you can write and open the copy.</source>
      <translation>Bạn được xem, tìm kiếm, in bản tóm tắt và xuất dữ liệu, nhưng không được thay đổi gì. Muốn thay đổi, hãy sao chép tệp sang một thư mục bạn có quyền ghi rồi mở bản sao.</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="155" />
      <source>Your role is now %1: you can edit.</source>
      <translation>Vai trò của bạn giờ là %1: bạn có thể chỉnh sửa.</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="154" />
      <source>Your role is now reader: editing is off.</source>
      <translation>Vai trò của bạn giờ là người xem: không thể chỉnh sửa.</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="146" />
      <source>Your role is reader: editing is off.</source>
      <translation>Vai trò của bạn là người xem: không thể chỉnh sửa.</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="122" />
      <source>Your role is reader: you can look, search, print briefs and export, but not change anything. Ask a manager for write access.</source>
      <translation>Vai trò của bạn là người xem: bạn được xem, tìm kiếm, in bản tóm tắt và xuất dữ liệu, nhưng không được thay đổi gì. Hãy đề nghị lãnh đạo cấp quyền ghi.</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="41" />
      <source>administrator</source>
      <translation>quản trị viên</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="554" />
      <source>also shared with %1</source>
      <translation>đã chia sẻ với %1</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="42" />
      <source>manager</source>
      <translation>lãnh đạo</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="45" />
      <source>no Ketnoi role</source>
      <translation>chưa có vai trò trong Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="43" />
      <source>officer</source>
      <translation>cán bộ</translation>
    </message>
    <message>
      <location filename="../../ui/team.py" line="44" />
      <source>reader (read only)</source>
      <translation>người xem (chỉ đọc)</translation>
    </message>
  </context>
  <context>
    <name>TrashDialog</name>
    <message>
      <location filename="../../ui/trash.py" line="385" />
      <source>%1 and %2</source>
      <translation>%1 và %2</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="218" />
      <source>%Ln deleted record(s) in the trash; %1 shown.</source>
      <translation>Thùng rác có %Ln bản ghi đã xoá; đang hiện %1.</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="381" />
      <source>%Ln file(s) attached to it</source>
      <translation>%Ln tệp đính kèm theo</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="379" />
      <source>%Ln file(s) attached to them</source>
      <translation>%Ln tệp đính kèm theo</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="131" />
      <source>&amp;Empty trash…</source>
      <translation>&amp;Dọn sạch thùng rác…</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="350" />
      <source>&amp;Leave in the trash</source>
      <translation>&amp;Để lại trong thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="348" />
      <source>&amp;Merge into it</source>
      <translation>&amp;Gộp vào liên hệ đó</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="128" />
      <source>&amp;Restore</source>
      <translation>&amp;Khôi phục</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="398" />
      <source>A backup of the database is taken first.</source>
      <translation>Ketnoi sao lưu cơ sở dữ liệu trước khi xoá.</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="344" />
      <source>A live contact looks like the same person:</source>
      <translation>Một liên hệ đang dùng có vẻ là cùng một người:</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="95" />
      <source>All kinds</source>
      <translation>Mọi loại</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="342" />
      <source>Already there?</source>
      <translation>Đã có rồi?</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="439" />
      <source>Counting…</source>
      <translation>Đang đếm…</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="478" />
      <location filename="../../ui/trash.py" line="484" />
      <source>Empty trash</source>
      <translation>Dọn sạch thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="100" />
      <source>Filter by name…</source>
      <translation>Lọc theo tên…</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="422" />
      <source>Kept in the trash: %Ln record(s) still used by a record you may not see.</source>
      <translation>Giữ lại trong thùng rác: %Ln bản ghi mà một hồ sơ bạn không được xem vẫn dùng.</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="345" />
      <source>Merge into the live contact (its values stay; the restored one's fill its blanks), restore as a second contact, or leave in the trash?</source>
      <translation>Gộp vào liên hệ đang dùng (giữ các giá trị của liên hệ đó; liên hệ khôi phục chỉ điền vào chỗ trống), khôi phục thành một liên hệ thứ hai, hay để lại trong thùng rác?</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="272" />
      <source>Merge of a restored contact</source>
      <translation>Gộp một liên hệ vừa khôi phục</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="400" />
      <source>No copy is taken first: the server's backups are the team's.</source>
      <translation>Không có bản sao lưu nào được tạo trước: bản sao lưu của máy chủ là của cả nhóm.</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="280" />
      <source>Not all as it was</source>
      <translation>Không hoàn toàn như cũ</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="479" />
      <source>Nothing in the trash is yours to empty.</source>
      <translation>Thùng rác không có gì do bạn xoá để dọn.</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="312" />
      <source>Nothing restored: left in the trash</source>
      <translation>Chưa khôi phục gì: vẫn để trong thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="416" />
      <source>On this team database you empty what you deleted.</source>
      <translation>Trên cơ sở dữ liệu nhóm này, bạn chỉ dọn những gì bạn đã xoá.</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="409" />
      <source>On this team database you empty what you deleted: what colleagues deleted (%Ln record(s)) stays, for them or a manager to empty.</source>
      <translation>Trên cơ sở dữ liệu nhóm này, bạn chỉ dọn những gì bạn đã xoá: những gì đồng nghiệp đã xoá (%Ln bản ghi) vẫn ở lại, để họ hoặc quản lý dọn.</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="392" />
      <source>Remove %1 for good? Their links go with them; their history stays.</source>
      <translation>Xoá vĩnh viễn %1? Các liên kết của chúng cũng bị xoá; lịch sử vẫn được giữ.</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="502" />
      <source>Removed %1 for good</source>
      <translation>Đã xoá vĩnh viễn %1</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="349" />
      <source>Restore &amp;anyway</source>
      <translation>Vẫn &amp;khôi phục</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="266" />
      <location filename="../../ui/trash.py" line="310" />
      <source>Restored %Ln record(s)</source>
      <translation>Đã khôi phục %Ln bản ghi</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="268" />
      <source>Restored %Ln record(s) and merged them into the live ones</source>
      <translation>Đã khôi phục %Ln bản ghi và gộp vào các bản ghi đang dùng</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="298" />
      <source>Restored under a live organisation of the same name:</source>
      <translation>Đã khôi phục vào một tổ chức đang dùng cùng tên:</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="105" />
      <source>Show</source>
      <translation>Hiển thị</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="215" />
      <location filename="../../ui/trash.py" line="506" />
      <source>The trash is empty.</source>
      <translation>Thùng rác trống.</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="305" />
      <source>These records stay in the trash:</source>
      <translation>Các bản ghi sau vẫn ở trong thùng rác:</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="418" />
      <source>This empties every deleted record of the team, whoever deleted it.</source>
      <translation>Thao tác này dọn mọi hồ sơ đã xoá của cả nhóm, bất kể ai đã xoá.</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="89" />
      <source>Trash</source>
      <translation>Thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="364" />
      <source>a live organisation has this name; rename or merge it first</source>
      <translation>đã có một tổ chức khác mang tên này; hãy đổi tên hoặc gộp trước</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="366" />
      <source>its organisation cannot come back from the trash</source>
      <translation>tổ chức của nó không khôi phục được từ thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="362" />
      <source>no longer in the trash</source>
      <translation>không còn trong thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="330" />
      <source>no organisation</source>
      <translation>không có tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="367" />
      <source>restoring it would break a rule of the database</source>
      <translation>khôi phục sẽ vi phạm một ràng buộc của cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="326" />
      <source>the same e-mail</source>
      <translation>cùng e-mail</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="328" />
      <source>the same name at the same organisation</source>
      <translation>cùng họ tên, cùng tổ chức</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="327" />
      <source>the same phone</source>
      <translation>cùng số điện thoại</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="332" />
      <source>• %1 (#%2): %3 (%4) as %5 (#%6), not in the trash</source>
      <translation>• %1 (#%2): %3 (%4) với %5 (#%6), không ở trong thùng rác</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="291" />
      <source>• %1: filed under the live “%2” (#%3); its own organisation (#%4) stays in the trash</source>
      <translation>• %1: đã xếp vào “%2” (#%3) đang dùng; tổ chức cũ của nó (#%4) vẫn ở trong thùng rác</translation>
    </message>
  </context>
  <context>
    <name>TrashModel</name>
    <message>
      <location filename="../../ui/trash.py" line="61" />
      <source>Deleted by</source>
      <translation>Người xoá</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="61" />
      <source>Deleted on</source>
      <translation>Thời điểm xoá</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="61" />
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="74" />
      <source>Merged into “%1”: undo the merge to get its links back</source>
      <translation>Đã gộp vào “%1”: hoàn tác việc gộp để lấy lại các liên kết</translation>
    </message>
    <message>
      <location filename="../../ui/trash.py" line="61" />
      <source>Name</source>
      <translation>Tên</translation>
    </message>
  </context>
  <context>
    <name>UndoHistoryDialog</name>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="169" />
      <source>&amp;Refresh</source>
      <translation>&amp;Làm mới</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="164" />
      <source>&amp;Undo selected</source>
      <translation>&amp;Hoàn tác mục đã chọn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="236" />
      <source>Nothing has been changed yet.</source>
      <translation>Chưa có thay đổi nào.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="139" />
      <source>Only &amp;my changes</source>
      <translation>Chỉ thay đổi của &amp;tôi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="328" />
      <source>Redone: %1</source>
      <translation>Đã làm lại: %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="175" />
      <source>The latest operations, newest first; they are kept in the database.</source>
      <translation>Các thao tác gần đây, mới nhất ở trên; chúng được lưu trong cơ sở dữ liệu.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="136" />
      <location filename="../../ui/dialogs/undo_history.py" line="249" />
      <location filename="../../ui/dialogs/undo_history.py" line="305" />
      <location filename="../../ui/dialogs/undo_history.py" line="354" />
      <location filename="../../ui/dialogs/undo_history.py" line="363" />
      <source>Undo history</source>
      <translation>Lịch sử hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="312" />
      <source>Undoing: %1</source>
      <translation>Đang hoàn tác: %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="338" />
      <source>Undoing: %1 — %2 of %3 records</source>
      <translation>Đang hoàn tác: %1 — %2 trên %3 bản ghi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="353" />
      <source>Undone, except what was changed since (kept as it is):</source>
      <translation>Đã hoàn tác, trừ những gì đã sửa sau đó (giữ nguyên):</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="319" />
      <source>Undone: %1</source>
      <translation>Đã hoàn tác: %1</translation>
    </message>
  </context>
  <context>
    <name>UndoHistoryModel</name>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="92" />
      <source>Bulk edit</source>
      <translation>Sửa hàng loạt</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="123" />
      <source>Can be undone</source>
      <translation>Có thể hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="126" />
      <source>Cannot be undone</source>
      <translation>Không thể hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="125" />
      <source>Changed since</source>
      <translation>Đã bị sửa sau đó</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="97" />
      <source>Delete</source>
      <translation>Xoá</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="91" />
      <source>Edit</source>
      <translation>Sửa</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="95" />
      <source>Import</source>
      <translation>Nhập dữ liệu</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="105" />
      <source>Invitation linked</source>
      <translation>Đã liên kết lời mời lịch</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="60" />
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="110" />
      <source>Left a post</source>
      <translation>Thôi giữ chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="100" />
      <source>Log meeting</source>
      <translation>Ghi nhận cuộc họp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="101" />
      <source>Mark done</source>
      <translation>Đánh dấu xong</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="94" />
      <source>Merge</source>
      <translation>Gộp</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="99" />
      <source>New</source>
      <translation>Tạo mới</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="84" />
      <source>No name recorded</source>
      <translation>Không ghi tên</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="106" />
      <source>Post added</source>
      <translation>Thêm chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="107" />
      <source>Post edited</source>
      <translation>Sửa chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="108" />
      <source>Post removed</source>
      <translation>Xoá chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="93" />
      <source>Re-rating</source>
      <translation>Đánh giá lại</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="60" />
      <source>Records</source>
      <translation>Số bản ghi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="112" />
      <source>Redo</source>
      <translation>Làm lại</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="102" />
      <source>Reopen</source>
      <translation>Mở lại</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="104" />
      <source>Reorganisation</source>
      <translation>Tổ chức lại</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="103" />
      <source>Reschedule</source>
      <translation>Dời hạn</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="98" />
      <source>Restore</source>
      <translation>Khôi phục</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="61" />
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="109" />
      <source>Took up a post</source>
      <translation>Nhận chức vụ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="111" />
      <source>Undo</source>
      <translation>Hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="124" />
      <source>Undone</source>
      <translation>Đã hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="96" />
      <source>Undone import</source>
      <translation>Lần nhập đã hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="60" />
      <source>What</source>
      <translation>Thao tác</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="60" />
      <source>When</source>
      <translation>Thời điểm</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/undo_history.py" line="60" />
      <source>Who</source>
      <translation>Người thực hiện</translation>
    </message>
  </context>
  <context>
    <name>UndoOffer</name>
    <message>
      <location filename="../../ui/commands.py" line="204" />
      <source>&amp;Undo</source>
      <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="195" />
      <source>&amp;Undo: %1</source>
      <translation>&amp;Hoàn tác: %1</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="214" />
      <source>Nothing of yours to undo in this window. Edit → Undo history… lists every change, with who made it, and can undo any of them.</source>
      <translation>Trong cửa sổ này không còn thay đổi nào của bạn để hoàn tác. Sửa → Lịch sử hoàn tác… liệt kê mọi thay đổi kèm người thực hiện và có thể hoàn tác bất kỳ thay đổi nào.</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="200" />
      <location filename="../../ui/commands.py" line="201" />
      <source>Undo: %1</source>
      <translation>Hoàn tác: %1</translation>
    </message>
  </context>
  <context>
    <name>WelcomeDialog</name>
    <message>
      <location filename="../../ui/welcome.py" line="110" />
      <source>Bring in the contact or organisation lists you already keep in Excel or CSV; nothing is written before you have seen every row.</source>
      <translation>Đưa vào các danh sách người liên hệ hoặc tổ chức bạn đang lưu bằng Excel hay CSV; không gì được ghi trước khi bạn xem từng dòng.</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="118" />
      <source>Connect to a team database</source>
      <translation>Kết nối cơ sở dữ liệu của nhóm</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="131" />
      <source>Help → Welcome… shows this again.</source>
      <translation>Trợ giúp → Chào mừng… để mở lại trang này.</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="108" />
      <source>Import a spreadsheet</source>
      <translation>Nhập từ bảng tính</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="97" />
      <source>Look around with sample data</source>
      <translation>Xem thử với dữ liệu mẫu</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="99" />
      <source>Opens a separate sample database (Vietnam's innovation scene, made-up people) in this window, in place of yours. Your own database stays empty: “Open my database” in the status bar brings it back.</source>
      <translation>Mở một cơ sở dữ liệu mẫu riêng (hệ sinh thái đổi mới sáng tạo Việt Nam, nhân vật hư cấu) ngay trong cửa sổ này, thay cho cơ sở dữ liệu của bạn. Cơ sở dữ liệu của bạn vẫn để trống: bấm “Mở cơ sở dữ liệu của tôi” ở thanh trạng thái để quay lại.</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="154" />
      <source>Preparing the sample database…</source>
      <translation>Đang chuẩn bị cơ sở dữ liệu mẫu…</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="258" />
      <source>Sample data (made-up people) — Ketnoi</source>
      <translation>Dữ liệu mẫu (người giả định) — Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="259" />
      <source>Sample data · Open my database</source>
      <translation>Dữ liệu mẫu · Mở cơ sở dữ liệu của tôi</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="210" />
      <source>Sample data: %1</source>
      <translation>Dữ liệu mẫu: %1</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="127" />
      <source>Start with an empty database</source>
      <translation>Bắt đầu với cơ sở dữ liệu trống</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="171" />
      <source>The sample database could not be written: %1</source>
      <translation>Không ghi được cơ sở dữ liệu mẫu: %1</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="264" />
      <source>This window shows the sample database, not your own: nothing you do here reaches your records. Click to open your own database instead.</source>
      <translation>Cửa sổ này hiển thị cơ sở dữ liệu mẫu, không phải của bạn: mọi thao tác ở đây không ảnh hưởng đến bản ghi của bạn. Bấm để mở cơ sở dữ liệu của bạn.</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="77" />
      <location filename="../../ui/welcome.py" line="81" />
      <source>Welcome to Ketnoi</source>
      <translation>Chào mừng bạn đến với Ketnoi</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="88" />
      <source>Your database is empty. Keep your organisations, people, meetings and commitments here — start in one of these ways:</source>
      <translation>Cơ sở dữ liệu của bạn đang trống. Hãy lưu tổ chức, người liên hệ, cuộc họp và cam kết tại đây — bắt đầu bằng một trong các cách sau:</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="119" />
      <source>Your team keeps one shared PostgreSQL database: enter its address in Settings.</source>
      <translation>Nhóm của bạn dùng chung một cơ sở dữ liệu PostgreSQL: nhập địa chỉ của nó trong Cài đặt.</translation>
    </message>
  </context>
  <context>
    <name>WhoRecords</name>
    <message>
      <location filename="../../ui/notify.py" line="192" />
      <source>Your changes are recorded in the history as “%1”. To record your own name, choose yourself under File → Settings → “I am”.</source>
      <translation>Các thay đổi của bạn được ghi vào lịch sử với tên “%1”. Để ghi tên của chính bạn, hãy chọn tên mình ở Tệp → Cài đặt → “Tôi là”.</translation>
    </message>
    <message>
      <location filename="../../ui/notify.py" line="197" />
      <source>Your changes are recorded without a name. To record your name, choose yourself under File → Settings → “I am”.</source>
      <translation>Các thay đổi của bạn đang được ghi mà không có tên. Để ghi tên mình, hãy chọn tên mình ở Tệp → Cài đặt → “Tôi là”.</translation>
    </message>
  </context>
  <context>
    <name>WorkingDays</name>
    <message>
      <location filename="../../ui/workdays.py" line="125" />
      <source>Add</source>
      <translation>Thêm</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="243" />
      <source>Choose the office's days to remove in the list.</source>
      <translation>Hãy chọn trong danh sách những ngày riêng của cơ quan cần bỏ.</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="75" />
      <source>Date</source>
      <translation>Ngày</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="75" />
      <source>Day</source>
      <translation>Thứ</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="87" />
      <source>Day off</source>
      <translation>Ngày nghỉ</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="55" />
      <source>Friday</source>
      <translation>Thứ Sáu</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="75" />
      <source>Holiday</source>
      <translation>Ngày lễ</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="75" />
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="120" />
      <source>Make-up working day</source>
      <translation>Ngày làm bù</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="51" />
      <source>Monday</source>
      <translation>Thứ Hai</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="204" />
      <source>Next holiday: %1 from %2 (%3 days off)</source>
      <translation>Kỳ nghỉ tới: %1 từ %2 (nghỉ %3 ngày)</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="88" />
      <source>Office</source>
      <translation>Cơ quan</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="88" />
      <source>Public</source>
      <translation>Nhà nước</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="247" />
      <source>Public holidays and the government's make-up days (%1) come from Vietnam's calendar and are not removed here. To change one for the office, choose its date above and press Add: with “Make-up working day” ticked it becomes a working day, unticked a day off.</source>
      <translation>Ngày lễ và ngày làm bù của Nhà nước (%1) lấy theo lịch của Việt Nam nên không bỏ ở đây được. Để đổi một ngày cho cơ quan, hãy chọn ngày đó ở trên rồi bấm Thêm: đánh dấu “Ngày làm bù” thì thành ngày làm việc, bỏ đánh dấu thì thành ngày nghỉ.</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="144" />
      <source>Public holidays come from the holidays package (Tết, Hùng Kings' Day, 30/4, 1/5, 2/9 and the days the government moves). Add your office's own days off, and Saturdays worked to make up for a bridge day.</source>
      <translation>Ngày lễ, Tết lấy từ thư viện holidays (Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 và các ngày hoán đổi theo thông báo của Chính phủ). Thêm ngày nghỉ riêng của cơ quan và các ngày thứ Bảy làm bù.</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="128" />
      <source>Remove the office's day</source>
      <translation>Bỏ ngày của cơ quan</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="56" />
      <source>Saturday</source>
      <translation>Thứ Bảy</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="75" />
      <source>Source</source>
      <translation>Nguồn</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="57" />
      <source>Sunday</source>
      <translation>Chủ nhật</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="271" />
      <source>The office's day %1 had already been removed at %3, in another window or from the command line.</source>
      <translation>Ngày riêng %1 của cơ quan đã được bỏ lúc %3, ở một cửa sổ khác hoặc từ dòng lệnh.</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="268" />
      <source>The office's day %1 had already been removed by %2 at %3.</source>
      <translation>Ngày riêng %1 của cơ quan đã được %2 bỏ lúc %3.</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="275" />
      <source>The office's day %1 had already been removed by someone else.</source>
      <translation>Ngày riêng %1 của cơ quan đã được người khác bỏ.</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="54" />
      <source>Thursday</source>
      <translation>Thứ Năm</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="52" />
      <source>Tuesday</source>
      <translation>Thứ Ba</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="53" />
      <source>Wednesday</source>
      <translation>Thứ Tư</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="124" />
      <source>Why (e.g. Year-end party)</source>
      <translation>Lý do (vd. Tất niên)</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="87" />
      <source>Working day</source>
      <translation>Ngày làm việc</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="97" />
      <source>Working days</source>
      <translation>Ngày làm việc</translation>
    </message>
    <message>
      <location filename="../../ui/workdays.py" line="133" />
      <source>Year</source>
      <translation>Năm</translation>
    </message>
  </context>
  <context>
    <name>finder</name>
    <message>
      <location filename="../../ui/widgets.py" line="83" />
      <source>%1 (since %2)</source>
      <translation>%1 (từ %2)</translation>
    </message>
  </context>
</TS>
