function isTyping(target) {
  return !!target.closest && !!target.closest("input, textarea, select, [contenteditable]");
}
