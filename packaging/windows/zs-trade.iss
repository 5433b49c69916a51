; Inno Setup 6 script: the per-user installer of 中山市稳外贸政策扶持自评.
;
; Built on Windows after packaging/build.py has made packaging\dist\zs-trade (see packaging/README.md):
;   iscc /DAppVersion=0.1.0 packaging\windows\zs-trade.iss
; Output: packaging\dist\zs-trade-support-<version>-windows-x64-setup.exe
;
; Per user, no administrator rights: installs into %LOCALAPPDATA%\Programs\zs-trade-support, adds a
; Start-menu entry (and, if ticked, a desktop icon) and an uninstaller in "Apps & features". The
; user's data (%LOCALAPPDATA%\zs-trade-support: database, settings, added policy packs) is left in
; place on uninstall, so that a reinstall or an update finds the assessments again.
;
; Chinese installer texts: ChineseSimplified.isl is an unofficial Inno Setup translation; it does not
; come with the installer of Inno Setup. Put it next to this script (the CI workflow downloads it
; from the Inno Setup repository, Files/Languages/Unofficial/ChineseSimplified.isl).
; This file is UTF-8 with a byte-order mark, which Inno Setup 6 needs for the Chinese texts below.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 zs-trade.iss
#endif
#define AppName "中山市稳外贸政策扶持自评"
#define AppId "zs-trade-support"
#define AppExe "zs-trade.exe"
#define SourceDir "..\dist\zs-trade"

[Setup]
; A fixed AppId: updates replace the earlier installation instead of adding a second one.
AppId={{6F1C5E0B-3A52-4C7E-9B8D-5D2E0A7C4F21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=zs-trade-support
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序
; Per user, without administrator rights ({autopf} is then %LOCALAPPDATA%\Programs).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppId}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\..\resources\icons\zs-trade.ico
OutputDir=..\dist
OutputBaseFilename=zs-trade-support-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"

[CustomMessages]
chinesesimplified.DesktopIcon=在桌面创建快捷方式
chinesesimplified.IconsGroup=快捷方式：
chinesesimplified.LaunchApp=立即运行 {#AppName}
chinesesimplified.UninstallShortcut=卸载 {#AppName}

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:IconsGroup}"; Flags: unchecked

[Files]
; The whole one-folder program; the portable marker is never installed (installed copies keep their
; data in the user's folder, not beside the program).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Excludes: "\portable,\data\*"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "对照《中山市稳外贸促增长若干措施》自评可申请的扶持并打印申报清单"
Name: "{autoprograms}\{cm:UninstallShortcut}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent
