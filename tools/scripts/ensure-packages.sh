#!/usr/bin/env bash
# What npm test needs from Debian beside Node: Chromium for the e2e tests (Playwright cannot download its
# own browser here), a CJK font (or Chinese renders as boxes), and PostgreSQL's client programs
# (pg_dump / pg_restore: the backup tests), LibreOffice Writer and poppler (the notices' .docx turned into PDF
# and PNG pages, looked at by the document tests). Installs them when missing and we are root; otherwise stops
# at once with the one command to run.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
# Noto Serif CJK itself: the notices' documents are set in it (their test checks the PDF's fonts); another
# CJK font alone (WenQuanYi, say) renders the pages but not the documents as printed
fc-list 2>/dev/null | grep -qi 'Noto Serif CJK' || missing+=(fonts-noto-cjk)
{ command -v pg_dump && command -v pg_restore; } >/dev/null 2>&1 || missing+=(postgresql-client)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装 ${missing[*]}（测试需要）…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "测试需要 ${missing[*]}。请先运行：sudo apt-get install -y ${missing[*]}" >&2
exit 1
