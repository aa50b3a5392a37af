// Converts Cyberachat's questionnaire (`cyberachat template show --json`) into
//  - a SurveyJS survey (one SurveyJS page per Cyberachat section), each `show_if` translated into a
//    SurveyJS `visibleIf` expression;
//  - a plain HTML form: one static page per section, plain inputs, a "next" link, a tiny CSS.
// The condition language is docs/questionnaire-format.md, "Conditions (show_if)":
//   ID == VALUE, ID != VALUE, answered(ID), not, and, or, parentheses;
//   precedence not > and > or; an unanswered (or hidden) question has no value, so ID == x is false
//   and ID != x is true; for multiple_choice, == means "is among the chosen".

// ---- the condition language ----------------------------------------------------------------------

function tokenize(text) {
  const tokens = [];
  const re = /\s*(?:(\()|(\))|(==|!=)|'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w.-]*))/y;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) throw new Error(`cannot read the condition at ${pos}: ${text}`);
    pos = re.lastIndex;
    if (m[1]) tokens.push({ t: '(' });
    else if (m[2]) tokens.push({ t: ')' });
    else if (m[3]) tokens.push({ t: m[3] });
    else if (m[4] !== undefined || m[5] !== undefined) tokens.push({ t: 'str', v: m[4] ?? m[5] });
    else if (m[6]) tokens.push({ t: 'num', v: Number(m[6]) });
    else if (['not', 'and', 'or', 'answered'].includes(m[7])) tokens.push({ t: m[7] });
    else tokens.push({ t: 'word', v: m[7] });
  }
  return tokens;
}

// AST: {op:'or'|'and', a, b} | {op:'not', a} | {op:'answered', id} | {op:'=='|'!=', id, value}
export function parseCondition(text) {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i]?.t;
  const take = (t) => {
    if (peek() !== t) throw new Error(`expected ${t} in: ${text}`);
    return tokens[i++];
  };
  const orExpr = () => {
    let a = andExpr();
    while (peek() === 'or') { i++; a = { op: 'or', a, b: andExpr() }; }
    return a;
  };
  const andExpr = () => {
    let a = notExpr();
    while (peek() === 'and') { i++; a = { op: 'and', a, b: notExpr() }; }
    return a;
  };
  const notExpr = () => {
    if (peek() === 'not') { i++; return { op: 'not', a: notExpr() }; }
    return primary();
  };
  const primary = () => {
    if (peek() === '(') { i++; const e = orExpr(); take(')'); return e; }
    if (peek() === 'answered') { i++; take('('); const id = take('word').v; take(')'); return { op: 'answered', id }; }
    const id = take('word').v;
    const op = peek();
    if (op !== '==' && op !== '!=') throw new Error(`expected == or != after ${id} in: ${text}`);
    i++;
    const value = tokens[i++];
    if (!value || !['word', 'str', 'num'].includes(value.t)) throw new Error(`expected a value in: ${text}`);
    return { op, id, value: value.v };
  };
  const ast = orExpr();
  if (i !== tokens.length) throw new Error(`unexpected ${peek()} in: ${text}`);
  return ast;
}

const isEmpty = (v) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

// Cyberachat's semantics, over the values of the visible questions (a hidden one is absent).
export function evalCondition(ast, values, kinds) {
  switch (ast.op) {
    case 'or': return evalCondition(ast.a, values, kinds) || evalCondition(ast.b, values, kinds);
    case 'and': return evalCondition(ast.a, values, kinds) && evalCondition(ast.b, values, kinds);
    case 'not': return !evalCondition(ast.a, values, kinds);
    case 'answered': return !isEmpty(values[ast.id]);
    default: {
      const v = values[ast.id];
      let equal;
      if (isEmpty(v)) equal = false;
      else if (kinds[ast.id] === 'multiple_choice') equal = v.includes(ast.value);
      else equal = String(v) === String(ast.value);
      return ast.op === '==' ? equal : !equal;
    }
  }
}

// SurveyJS question names: a dot inside {…} would read as a property path.
export const surveyName = (id) => id.replace(/-/g, '_h_').replace(/\./g, '__');

const literal = (value) => (typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "\\'")}'`);

// The SurveyJS expression (https://surveyjs.io/form-library/documentation/design-survey/conditional-logic).
export function toSurveyExpression(ast, kinds) {
  const wrap = (e) => `(${toSurveyExpression(e, kinds)})`;
  switch (ast.op) {
    case 'or': return `${wrap(ast.a)} or ${wrap(ast.b)}`;
    case 'and': return `${wrap(ast.a)} and ${wrap(ast.b)}`;
    case 'not': return `!${wrap(ast.a)}`;
    case 'answered': return `{${surveyName(ast.id)}} notempty`;
    default: {
      if (!(ast.id in kinds)) throw new Error(`unknown question ${ast.id}`);
      const name = `{${surveyName(ast.id)}}`;
      if (kinds[ast.id] === 'multiple_choice')
        return `${name} ${ast.op === '==' ? 'contains' : 'notcontains'} ${literal(ast.value)}`;
      const value = ['number', 'integer'].includes(kinds[ast.id]) ? Number(ast.value) : ast.value;
      // Unanswered: SurveyJS gives `{q} = x` false and `{q} != x` true, as Cyberachat does
      // (checked by selfCheck below).
      return `${name} ${ast.op === '==' ? '=' : '!='} ${literal(value)}`;
    }
  }
}

// ---- the questionnaire ---------------------------------------------------------------------------

export function sectionsOf(questionnaire) {
  const out = [];
  questionnaire.parts.forEach((part, partIndex) =>
    part.sections.forEach((section) => out.push({ part, partIndex, section })));
  return out;
}

export function kindsOf(questionnaire) {
  const kinds = {};
  for (const { section } of sectionsOf(questionnaire)) for (const q of section.questions) kinds[q.id] = q.kind;
  return kinds;
}

const CONTACT_FIELDS = [
  ['nom', 'Nom'], ['prenom', 'Prénom'], ['fonction', 'Fonction'],
  ['coordonnees', 'Coordonnées du lieu de travail'], ['telephone', 'Téléphone'], ['email', 'Email'],
];
const contactFields = (q) =>
  q.fields?.length ? q.fields.map((f) => [f.id, f.label.fr, f.kind]) : CONTACT_FIELDS.map(([id, fr]) => [id, fr, id === 'email' ? 'email' : id === 'telephone' ? 'phone' : 'text']);
const INPUT_TYPE = { number: 'number', integer: 'number', date: 'date', email: 'email', phone: 'tel', text: 'text', yes_no: 'text' };
const title = (q) => q.label.fr + (q.unit ? ` (${q.unit})` : '');

function surveyElement(q) {
  const base = {
    name: surveyName(q.id),
    title: title(q),
    isRequired: !!q.required,
    showCommentArea: true, // every Cyberachat answer may carry a comment
    commentText: 'Commentaire (facultatif)',
  };
  if (q.help?.fr) base.description = q.help.fr;
  switch (q.kind) {
    case 'yes_no':
      return { ...base, type: 'radiogroup', colCount: 0, choices: [{ value: 'oui', text: 'Oui' }, { value: 'non', text: 'Non' }] };
    case 'single_choice':
      return { ...base, type: 'radiogroup', choices: q.choices.map((c) => ({ value: c.id, text: c.label.fr })) };
    case 'multiple_choice':
      return { ...base, type: 'checkbox', choices: q.choices.map((c) => ({ value: c.id, text: c.label.fr })) };
    case 'long_text':
      return { ...base, type: 'comment', maxLength: 20000 };
    case 'document':
      return { ...base, type: 'file', allowMultiple: true, storeDataAsText: false };
    case 'table':
      return {
        ...base, type: 'matrixdynamic', rowCount: 1, addRowText: 'Ajouter une ligne', removeRowText: 'Supprimer',
        columns: q.fields.map((f) => ({ name: f.id, title: f.label.fr, cellType: 'text', inputType: INPUT_TYPE[f.kind] || 'text' })),
      };
    case 'contact':
      return { ...base, type: 'multipletext', items: contactFields(q).map(([id, fr, kind]) => ({ name: id, title: fr, inputType: INPUT_TYPE[kind] || 'text' })) };
    default: {
      const el = { ...base, type: 'text', inputType: INPUT_TYPE[q.kind] || 'text' };
      if (q.kind === 'text') el.maxLength = 500;
      if (q.kind === 'integer') el.step = 1;
      if (q.min !== undefined) el.min = q.min;
      if (q.max !== undefined) el.max = q.max;
      return el;
    }
  }
}

// The SurveyJS survey and what its conditions gave: {json, conditions: {total, converted, sections,
// questions, failed: [{id, show_if, error}], parsed: [{id, show_if, ast, expression}]}}.
export function toSurveyJs(questionnaire) {
  const kinds = kindsOf(questionnaire);
  const conditions = { total: 0, converted: 0, sections: 0, questions: 0, failed: [], parsed: [] };
  const convert = (id, text, where) => {
    if (!text) return undefined;
    conditions.total++;
    try {
      const ast = parseCondition(text);
      const expression = toSurveyExpression(ast, kinds);
      conditions.converted++;
      conditions[where]++;
      conditions.parsed.push({ id, show_if: text, ast, expression });
      return expression;
    } catch (e) {
      conditions.failed.push({ id, show_if: text, error: e.message });
      return undefined;
    }
  };
  const pages = sectionsOf(questionnaire).map(({ part, partIndex, section }) => {
    const page = {
      name: surveyName(section.id),
      title: section.title.fr,
      description: `Partie ${partIndex + 1} — ${(part.short_title?.fr || part.title.fr)}` + (section.note?.fr ? `\n\n${section.note.fr}` : ''),
      elements: section.questions.map((q) => {
        const el = surveyElement(q);
        const visibleIf = convert(q.id, q.show_if, 'questions');
        if (visibleIf) el.visibleIf = visibleIf;
        return el;
      }),
    };
    const visibleIf = convert(section.id, section.show_if, 'sections');
    if (visibleIf) page.visibleIf = visibleIf;
    return page;
  });
  const json = {
    title: questionnaire.title.fr,
    locale: 'fr',
    showQuestionNumbers: 'off',
    showProgressBar: true,
    progressBarLocation: 'top',
    showTOC: true, // Cyberachat's side list of sections
    // A hidden question has no value (and so closes what depends on it), as in Cyberachat.
    clearInvisibleValues: 'onHiddenContainer',
    // Cyberachat's "next" never blocks on an unanswered required question; the check is at the end.
    checkErrorsMode: 'onComplete',
    pages,
  };
  return { json, conditions };
}

// Each converted condition against SurveyJS's own ConditionRunner, on `rounds` random answer sets
// of the questions it cites (some unanswered): the number of conditions that always agreed, and the
// first disagreements.
export function selfCheck(questionnaire, conditions, Survey, rounds = 200) {
  const kinds = kindsOf(questionnaire);
  const byId = {};
  for (const { section } of sectionsOf(questionnaire)) for (const q of section.questions) byId[q.id] = q;
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const cited = (ast, out = new Set()) => {
    if (ast.id) out.add(ast.id);
    if (ast.a) cited(ast.a, out);
    if (ast.b) cited(ast.b, out);
    return out;
  };
  const valueFor = (q, literals) => {
    if (rand() < 0.25) return undefined;
    switch (q.kind) {
      case 'yes_no': return rand() < 0.5 ? 'oui' : 'non';
      case 'single_choice': return q.choices[Math.floor(rand() * q.choices.length)].id;
      case 'multiple_choice': return q.choices.filter(() => rand() < 0.5).map((c) => c.id);
      case 'number': case 'integer': return literals.length && rand() < 0.5 ? Number(literals[0]) : Math.floor(rand() * 10);
      default: return literals.length && rand() < 0.5 ? String(literals[0]) : rand() < 0.2 ? '' : 'texte';
    }
  };
  let agreed = 0;
  const disagreements = [];
  for (const c of conditions.parsed) {
    const ids = [...cited(c.ast)];
    const literalsOf = (id) => {
      const out = [];
      const walk = (a) => { if (a.id === id && a.value !== undefined) out.push(a.value); if (a.a) walk(a.a); if (a.b) walk(a.b); };
      walk(c.ast);
      return out;
    };
    const runner = new Survey.ConditionRunner(c.expression);
    let ok = true;
    for (let r = 0; r < rounds && ok; r++) {
      const values = {}, surveyValues = {};
      for (const id of ids) {
        const v = valueFor(byId[id], literalsOf(id));
        if (v !== undefined) { values[id] = v; surveyValues[surveyName(id)] = v; }
      }
      const ours = evalCondition(c.ast, values, kinds);
      const theirs = runner.runValues ? runner.runValues(surveyValues) : runner.run(surveyValues);
      if (ours !== !!theirs) {
        ok = false;
        disagreements.push({ id: c.id, show_if: c.show_if, expression: c.expression, values, ours, theirs });
      }
    }
    if (ok) agreed++;
  }
  return { agreed, checked: conditions.parsed.length, rounds, disagreements: disagreements.slice(0, 5) };
}

// ---- the plain HTML form -------------------------------------------------------------------------

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// Sets data-shown-at, in the first frame after the page is shown (after activation when the browser
// prerendered it), as Cyberachat's app.js does on a vendor section page.
export const SHOWN_AT_SCRIPT =
  '<script>(function(){function m(){requestAnimationFrame(function(){document.documentElement.dataset.shownAt=String(performance.timeOrigin+performance.now());});}' +
  'if(document.prerendering){document.addEventListener("prerenderingchange",m,{once:true});}else{m();}})();</script>';

export const PLAIN_CSS = `body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1b}
nav{display:flex;gap:1rem;justify-content:flex-end;padding:.6rem 1rem;background:#f2f4f7;border-bottom:1px solid #d0d5dd}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.3rem 0 1rem}.part{color:#555;margin:0}
.q{margin:0 0 1.2rem;padding:0;border:0}.q>label,.q>legend{display:block;font-weight:600;margin-bottom:.3rem}
.help{color:#555;font-size:.9rem;margin:.2rem 0}
input[type=text],input[type=number],input[type=date],input[type=email],input[type=tel],textarea{width:100%;max-width:36rem;padding:.35rem;border:1px solid #98a2b3;border-radius:4px;box-sizing:border-box}
details{margin-top:.4rem}table{border-collapse:collapse}td,th{border:1px solid #d0d5dd;padding:.2rem}
a.next,button{background:#1d4ed8;color:#fff;padding:.35rem .8rem;border-radius:4px;text-decoration:none;border:0}
`;

function plainInput(q) {
  const id = `f-${q.id}`;
  const name = esc(q.id);
  const radios = (choices, type) =>
    choices.map(([v, t], i) => `<label><input type="${type}" name="${name}" value="${esc(v)}" id="${esc(id)}-${i}"> ${esc(t)}</label>`).join(' ');
  switch (q.kind) {
    case 'yes_no': return { group: true, html: radios([['oui', 'Oui'], ['non', 'Non']], 'radio') };
    case 'single_choice': return { group: true, html: radios(q.choices.map((c) => [c.id, c.label.fr]), 'radio') };
    case 'multiple_choice': return { group: true, html: radios(q.choices.map((c) => [c.id, c.label.fr]), 'checkbox') };
    case 'long_text': return { html: `<textarea id="${esc(id)}" name="${name}" rows="5" maxlength="20000"></textarea>` };
    case 'document': return { html: `<input type="file" id="${esc(id)}" name="${name}" multiple>` };
    case 'table': {
      const head = q.fields.map((f) => `<th>${esc(f.label.fr)}</th>`).join('');
      const row = q.fields.map((f) => `<td><input type="${INPUT_TYPE[f.kind] || 'text'}" name="${name}.0.${esc(f.id)}" aria-label="${esc(f.label.fr)}"></td>`).join('');
      return { group: true, html: `<table><tr>${head}</tr><tr>${row}</tr></table>` };
    }
    case 'contact':
      return { group: true, html: contactFields(q).map(([fid, fr, kind]) => `<label>${esc(fr)} <input type="${INPUT_TYPE[kind] || 'text'}" name="${name}.${esc(fid)}"></label><br>`).join('') };
    default: {
      const extra = (q.kind === 'number' ? ' step="any"' : q.kind === 'integer' ? ' step="1"' : q.kind === 'text' ? ' maxlength="500"' : '') +
        (q.min !== undefined ? ` min="${q.min}"` : '') + (q.max !== undefined ? ` max="${q.max}"` : '');
      return { html: `<input type="${INPUT_TYPE[q.kind] || 'text'}" id="${esc(id)}" name="${name}"${extra}>` };
    }
  }
}

// [{file, html, sectionId}], with no answers: a question or page hidden by its condition is left
// hidden (the `hidden` attribute) or out of the "next" chain, as Cyberachat renders it.
export function toPlainPages(questionnaire, cssFile) {
  const kinds = kindsOf(questionnaire);
  const shows = (text) => !text || evalCondition(parseCondition(text), {}, kinds);
  const all = sectionsOf(questionnaire);
  const visible = all.filter(({ section }) => shows(section.show_if));
  const fileOf = (i) => `s${i + 1}.html`;
  return visible.map(({ part, partIndex, section }, i) => {
    const questions = section.questions.map((q) => {
      const input = plainInput(q);
      const label = input.group ? `<legend>${esc(title(q))}</legend>` : `<label for="f-${esc(q.id)}">${esc(title(q))}</label>`;
      const tag = input.group ? 'fieldset' : 'div';
      return `<${tag} class="q"${shows(q.show_if) ? '' : ' hidden'}>${label}${q.help?.fr ? `<p class="help">${esc(q.help.fr)}</p>` : ''}${input.html}` +
        `<details><summary>Ajouter un commentaire</summary><label for="c-${esc(q.id)}">Commentaire (facultatif)</label><textarea id="c-${esc(q.id)}" name="c:${esc(q.id)}" rows="3"></textarea></details></${tag}>`;
    }).join('\n');
    const prev = i > 0 ? `<a href="${fileOf(i - 1)}" rel="prev">Section précédente</a>` : '';
    const next = i + 1 < visible.length ? `<a class="next" href="${fileOf(i + 1)}" rel="next">Section suivante</a>` : '';
    const note = section.note?.fr ? `<details open><summary>Informations complémentaires</summary><p>${esc(section.note.fr)}</p></details>` : '';
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${esc(section.title.fr)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="${cssFile}"></head><body>` +
      `<nav>${prev}${next}</nav><main><p class="part">Partie ${partIndex + 1} — ${esc(part.short_title?.fr || part.title.fr)}</p><h1>${esc(section.title.fr)}</h1>${note}` +
      `<form method="post" action="#">\n${questions}\n<button type="submit">Enregistrer</button></form></main>${SHOWN_AT_SCRIPT}</body></html>\n`;
    return { file: fileOf(i), html, sectionId: section.id };
  });
}
