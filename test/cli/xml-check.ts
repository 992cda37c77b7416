// A small XML 1.0 well-formedness checker for the junit output: balanced elements, quoted
// attributes without raw < or &, only the predefined and numeric entities, legal characters.
export function checkXml(xml: string): string[] {
  const errors: string[] = [];
  // eslint-disable-next-line no-control-regex
  const illegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(xml);
  if (illegal) errors.push(`illegal character U+${illegal[0].charCodeAt(0).toString(16)} at ${illegal.index}`);
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(xml);
  if (entity) errors.push(`bare & at ${entity.index}`);
  const stack: string[] = [];
  const token = /<\?[^?]*\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|>/g;
  let m: RegExpExecArray | null;
  let roots = 0;
  while ((m = token.exec(xml))) {
    const t = m[0];
    if (t.startsWith('<?') || t.startsWith('<!--')) continue;
    if (t === '<') { errors.push(`malformed tag at ${m.index}: ${xml.slice(m.index, m.index + 40)}`); continue; }
    if (t === '>') { errors.push(`stray > at ${m.index}`); continue; }
    const [, close, name, attrs, selfClose] = m;
    const names = [...attrs.matchAll(/([A-Za-z_][\w.-]*)\s*=/g)].map((a) => a[1]);
    if (new Set(names).size !== names.length) errors.push(`duplicate attribute in <${name}>`);
    if (close) {
      const open = stack.pop();
      if (open !== name) errors.push(`</${name}> closes <${open}>`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length) errors.push(`unclosed: ${stack.join(', ')}`);
  if (roots !== 1) errors.push(`expected one root element, found ${roots}`);
  return errors;
}
