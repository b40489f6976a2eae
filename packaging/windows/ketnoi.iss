; Inno Setup script for Ketnoi on Windows — UNTESTED here (built only on Linux in CI).
; 1. python tools\build_bundle.py        -> dist\ketnoi\ketnoi.exe, ketnoi-cli.exe, _internal\
; 2. iscc packaging\windows\ketnoi.iss   -> dist\installer\Ketnoi-0.1.0-setup.exe
; Per-user install (no administrator rights needed on an office laptop); the database stays
; in %LOCALAPPDATA%\Ketnoi and is not removed by the uninstaller.

#define AppName "Ketnoi"
#define AppVersion "0.1.0"
#define Root "..\.."

[Setup]
AppId={{5B0E7A52-3C1F-4C5E-9B0C-6A8F1D2E4B71}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Ketnoi
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist\installer
OutputBaseFilename=Ketnoi-{#AppVersion}-setup
SetupIconFile={#Root}\packaging\icons\ketnoi.ico
UninstallDisplayIcon={app}\ketnoi.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup 6 ships no Vietnamese: add the unofficial Vietnamese.isl next to this file to offer it
; Name: "vietnamese"; MessagesFile: "Vietnamese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\ketnoi\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\ketnoi.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\ketnoi.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ketnoi.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
