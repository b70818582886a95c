# Turns one CLI11 `--help` text into man(7) markup for a subsection of afterglow(1): option
# lines become tagged paragraphs (.TP), headings ("Options:") bold lines, the rest plain text.
function roff(s) {
  gsub(/\\/, "\\e", s)
  gsub(/-/, "\\-", s)
  sub(/^[.']/, "\\\\&&", s)
  return s
}
function flush_tag() {
  if (tag != "") { print ".TP"; print "\\fB" roff(tag) "\\fR"; tag = "" }
}
/^$/ { flush_tag(); next }
# "  --port INT:INT in [0 - 65535]" alone: its description follows on a deeper-indented line.
/^  [^ ]/ && !/[^ ]  +[^ ]/ { flush_tag(); tag = substr($0, 3); next }
/^  [^ ]/ {
  flush_tag()
  line = substr($0, 3)
  split_at = match(line, /  +/)
  print ".TP"
  print "\\fB" roff(substr(line, 1, split_at - 1)) "\\fR"
  print roff(substr(line, split_at + RLENGTH))
  next
}
/^   +[^ ]/ {
  text = $0
  sub(/^ +/, "", text)
  if (tag != "") { print ".TP"; print "\\fB" roff(tag) "\\fR"; tag = "" }
  print roff(text)
  next
}
/^[^ ].*:$/ { flush_tag(); print ".PP"; print "\\fB" roff($0) "\\fR"; next }
{ flush_tag(); print ".PP"; print roff($0) }
END { flush_tag() }
