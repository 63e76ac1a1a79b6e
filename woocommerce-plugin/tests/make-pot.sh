#!/usr/bin/env bash
# Regenerates languages/trulybot-commerce.pot from the plugin sources with GNU xgettext (Debian: gettext).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version="$(sed -n 's/^ \* Version: *//p' trulybot-commerce.php | head -1)"
xgettext --language=PHP --from-code=UTF-8 --add-comments=translators: --sort-by-file \
  --keyword=__:1 --keyword=_e:1 --keyword=esc_html__:1 --keyword=esc_html_e:1 --keyword=esc_attr__:1 \
  --keyword=esc_attr_e:1 --keyword=_x:1,2c --keyword=_n:1,2 \
  --package-name="TrulyBot Commerce" --package-version="$version" --msgid-bugs-address="https://trulybot.ai/support" \
  -o languages/trulybot-commerce.pot trulybot-commerce.php includes/*.php uninstall.php
sed -i \
  -e 's/^"Content-Type: text\/plain; charset=CHARSET\\n"/"Content-Type: text\/plain; charset=UTF-8\\n"/' \
  -e 's/^"Language-Team: LANGUAGE <LL@li.org>\\n"/"Language-Team: LANGUAGE <LL@li.org>\\n"\n"X-Domain: trulybot-commerce\\n"/' \
  -e 's/^# SOME DESCRIPTIVE TITLE./# TrulyBot Commerce translation template./' \
  -e 's/^# Copyright (C) YEAR THE PACKAGE.S COPYRIGHT HOLDER/# Copyright (C) TrulyBot/' \
  -e 's/^# This file is distributed under the same license as the TrulyBot Commerce package./# This file is distributed under the GPLv2 or later./' \
  languages/trulybot-commerce.pot
echo "wrote languages/trulybot-commerce.pot ($(grep -c '^msgid "[^"]' languages/trulybot-commerce.pot) strings)"
