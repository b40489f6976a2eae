<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings (standard buttons, line-edit menu, wizard) that PySide6 ships no Vietnamese for; edited by hand, compiled by update.py with the release option. -->
<TS version="2.1" language="vi_VN" sourcelanguage="en_GB">
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>OK</source>
      <translation>Đồng ý</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>&amp;Lưu</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Huỷ</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Áp dụng</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>&amp;Có</translation>
    </message>
    <message>
      <source>&amp;No</source>
      <translation>&amp;Không</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Mở</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Bỏ</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Trợ giúp</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Đặt lại</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>Khôi phục mặc định</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>Dừng hẳn</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Thử lại</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Bỏ qua</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>Lưu tất cả</translation>
    </message>
    <message>
      <source>Yes to All</source>
      <translation>Có với tất cả</translation>
    </message>
    <message>
      <source>No to All</source>
      <translation>Không với tất cả</translation>
    </message>
    <message>
      <source>Don't Save</source>
      <translation>Không lưu</translation>
    </message>
    <message>
      <source>Close without Saving</source>
      <translation>Đóng không lưu</translation>
    </message>
  </context>
  <context>
    <name>QDialogButtonBox</name>
    <message>
      <source>OK</source>
      <translation>Đồng ý</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>OK</source>
      <translation>Đồng ý</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Trợ giúp</translation>
    </message>
    <message>
      <source>Show Details...</source>
      <translation>Xem chi tiết...</translation>
    </message>
    <message>
      <source>Hide Details...</source>
      <translation>Ẩn chi tiết...</translation>
    </message>
    <message>
      <source>About Qt</source>
      <translation>Về Qt</translation>
    </message>
  </context>
  <context>
    <name>QWizard</name>
    <message>
      <source>Cancel</source>
      <translation>Huỷ</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Trợ giúp</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
      <source>Commit</source>
      <translation>Xác nhận</translation>
    </message>
    <message>
      <source>Go Back</source>
      <translation>Quay lại</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Tiếp tục</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Xong</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Làm lại</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>&amp;Cắt</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Sao chép</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Dán</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xoá</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Chọn tất cả</translation>
    </message>
  </context>
  <context>
    <name>QWidgetTextControl</name>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Làm lại</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>&amp;Cắt</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Sao chép</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Dán</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xoá</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Chọn tất cả</translation>
    </message>
    <message>
      <source>Copy &amp;Link Location</source>
      <translation>Sao chép &amp;địa chỉ liên kết</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>%1
File not found.
Please verify the correct file name was given.</source>
      <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp đã nhập.</translation>
    </message>
    <message>
      <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
      <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục đã nhập.</translation>
    </message>
    <message>
      <source>%1 already exists.
Do you want to replace it?</source>
      <translation>%1 đã có.
Bạn có muốn thay nó không?</translation>
    </message>
    <message>
      <source>'%1' is write protected.
Do you want to delete it anyway?</source>
      <translation>“%1” đang được chống ghi.
Bạn vẫn muốn xoá nó?</translation>
    </message>
    <message>
      <source>Are you sure you want to delete '%1'?</source>
      <translation>Bạn có chắc muốn xoá “%1”?</translation>
    </message>
    <message>
      <source>Could not delete directory.</source>
      <translation>Không xoá được thư mục.</translation>
    </message>
    <message>
      <source>Recent Places</source>
      <translation>Nơi dùng gần đây</translation>
    </message>
    <message>
      <source>&amp;Look in:</source>
      <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>&amp;Kiểu tệp:</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Xoá</translation>
    </message>
    <message>
      <source>&amp;New Folder</source>
      <translation>&amp;Thư mục mới</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>Đổi &amp;tên</translation>
    </message>
    <message>
      <source>All Files (*)</source>
      <translation>Mọi tệp (*)</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Lùi</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>Tiến</translation>
    </message>
    <message>
      <source>Go back</source>
      <translation>Quay lại</translation>
    </message>
    <message>
      <source>Go forward</source>
      <translation>Đi tiếp</translation>
    </message>
    <message>
      <source>Go to the parent directory</source>
      <translation>Lên thư mục cha</translation>
    </message>
    <message>
      <source>Parent Directory</source>
      <translation>Thư mục cha</translation>
    </message>
    <message>
      <source>Change to detail view mode</source>
      <translation>Chuyển sang xem chi tiết</translation>
    </message>
    <message>
      <source>Change to list view mode</source>
      <translation>Chuyển sang xem danh sách</translation>
    </message>
    <message>
      <source>Detail View</source>
      <translation>Xem chi tiết</translation>
    </message>
    <message>
      <source>List View</source>
      <translation>Xem danh sách</translation>
    </message>
    <message>
      <source>Create New Folder</source>
      <translation>Tạo thư mục mới</translation>
    </message>
    <message>
      <source>Create a New Folder</source>
      <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Show &amp;hidden files</source>
      <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
      <source>Sidebar</source>
      <translation>Thanh bên</translation>
    </message>
    <message>
      <source>List of places and bookmarks</source>
      <translation>Danh sách nơi và dấu trang</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lưu</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Mở</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Mở</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xoá</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>Kiểu tệp:</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>Tìm trong:</translation>
    </message>
    <message>
      <source>Save As</source>
      <translation>Lưu thành</translation>
    </message>
    <message>
      <source>New Folder</source>
      <translation>Thư mục mới</translation>
    </message>
  </context>
  <context>
    <name>QCalendarWidget</name>
    <message>
      <source>Previous Month</source>
      <translation>Tháng trước</translation>
    </message>
    <message>
      <source>Next Month</source>
      <translation>Tháng sau</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Hôm nay</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Invalid filename</source>
      <translation>Tên tệp không hợp lệ</translation>
    </message>
    <message>
      <source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
      <translation>&lt;b&gt;Không dùng được tên “%1”.&lt;/b&gt;&lt;p&gt;Hãy thử một tên khác, ít ký tự hơn hoặc không có dấu câu.</translation>
    </message>
    <message>
      <source>Computer</source>
      <translation>Máy tính</translation>
    </message>
    <message>
      <source>Date Modified</source>
      <translation>Ngày sửa</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Cỡ</translation>
    </message>
    <message>
      <source>Type</source>
      <comment>All other platforms</comment>
      <translation>Kiểu</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <source>%1 File</source>
      <translation>Tệp %1</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>Không rõ</translation>
    </message>
    <message>
      <source>Drive</source>
      <translation>Ổ đĩa</translation>
    </message>
    <message>
      <source>Folder</source>
      <comment>All other platforms</comment>
      <translation>Thư mục</translation>
    </message>
  </context>
</TS>
