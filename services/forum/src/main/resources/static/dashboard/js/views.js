// What the dashboard shows of one forum, drawn from the forum service's views.

import { bars, dataTable, figure, grid, html, line, svg } from './charts.js';
import { date, label, list, money, percent, plural, t } from './i18n.js';

const COVERAGE = {
  COVERED: '✓',
  PARTLY_COVERED: '◐',
  UNCOVERED: '✗',
};
const RAG = { GREEN: '●', AMBER: '▲', RED: '■' };
const OPEN_FLAGS = ['OPEN', 'ACKNOWLEDGED'];

function option(value, text, selected) {
  return html('option', { value, text, selected: selected ? true : null });
}

function fill(select, values, allText) {
  const previous = select.value;
  select.replaceChildren(option('', allText, previous === ''),
    ...values.map(([value, text]) => option(value, text, value === previous)));
  if (![...select.options].some((o) => o.value === previous)) {
    select.value = '';
  }
}

/** Fills the tracker's filter lists from the actions the viewer sees, keeping what was chosen. */
export function filters(items) {
  const owners = new Map();
  const sectors = new Set();
  const statuses = new Set();
  items.forEach((item) => {
    owners.set(item.ownerId, item.ownerName || t('common.unknownOrganisation'));
    item.sectors.forEach((s) => sectors.add(s));
    if (item.status) {
      statuses.add(item.status);
    }
  });
  const byText = (a, b) => a[1].localeCompare(b[1]);
  fill(document.getElementById('filter-owner'), [...owners.entries()].sort(byText), t('filters.allOrganisations'));
  fill(document.getElementById('filter-sector'), [...sectors].map((s) => [s, label('sector', s)]).sort(byText), t('filters.allSectors'));
  fill(document.getElementById('filter-status'), [...statuses].map((s) => [s, label('status', s)]).sort(byText), t('filters.allStatuses'));
}

function chosen() {
  return {
    text: document.getElementById('filter-text').value.trim().toLocaleLowerCase(),
    owner: document.getElementById('filter-owner').value,
    sector: document.getElementById('filter-sector').value,
    status: document.getElementById('filter-status').value,
    overdue: document.getElementById('filter-overdue').checked,
  };
}

function matches(item, f) {
  return (!f.text || `${item.title} ${item.ownerName || ''}`.toLocaleLowerCase().includes(f.text))
    && (!f.owner || item.ownerId === f.owner)
    && (!f.sector || item.sectors.includes(f.sector))
    && (!f.status || item.status === f.status)
    && (!f.overdue || item.overdue);
}

function badge(prefix, code, kind, symbol = '') {
  return html('span', { class: `badge ${prefix}-${code}`, text: `${symbol ? `${symbol} ` : ''}${label(kind, code)}` });
}

function progressCell(item) {
  if (item.percentComplete === null || item.percentComplete === undefined) {
    return html('td', { text: t('tracker.noReport') });
  }
  const value = Math.max(0, Math.min(100, item.percentComplete));
  const bar = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' }, [
    svg('rect', { class: 'track', x: 0, y: 0, width: 100, height: 10, rx: 2 }),
    svg('rect', { class: 'fill', x: 0, y: 0, width: value, height: 10, rx: 2 }),
  ]);
  const parts = [bar, html('span', { class: 'percent', text: percent(value) })];
  if (item.rag) {
    parts.push(badge('r', item.rag, 'rag', RAG[item.rag]));
  }
  if (item.reportPeriodEnd) {
    parts.push(html('span', { class: 'small', text: t('tracker.reportedFor', { date: date(item.reportPeriodEnd) }) }));
  }
  return html('td', {}, [html('div', { class: 'progress' }, parts)]);
}

function fundingText(item) {
  if (!item.funding || item.funding.length === 0) {
    return t('tracker.noFunding');
  }
  const gaps = item.funding.filter((f) => Number(f.gap) > 0);
  if (gaps.length === 0) {
    return t('tracker.funded');
  }
  return gaps.map((f) => money(Number(f.gap), f.currency)).join(' · ');
}

function row(item) {
  const title = html('th', { scope: 'row' }, [html('span', { text: item.title })]);
  if (item.frameworkItems && item.frameworkItems.length > 0) {
    title.append(html('span', { class: 'small', text: item.frameworkItems.join(', ') }));
  }
  const next = item.nextMilestone
    ? html('td', {}, [html('span', { text: item.nextMilestone.title }),
      html('span', { class: 'small', text: t('tracker.due', { date: date(item.nextMilestone.dueOn) }) })])
    : html('td', { text: t('tracker.noMilestone') });
  const overdue = item.overdue
    ? html('td', { class: 'overdue', text: `⚠ ${item.daysOverdue ? plural('tracker.overdueDays', item.daysOverdue) : t('tracker.overdueYes')}` })
    : html('td', { text: t('tracker.onTime') });
  return html('tr', { 'data-action-id': item.actionId }, [
    title,
    html('td', { text: item.ownerName || t('common.unknownOrganisation') }),
    html('td', {}, [badge('s', item.status, 'status')]),
    progressCell(item),
    next,
    overdue,
    html('td', { text: fundingText(item) }),
  ]);
}

/** Draws the tracker rows that pass the filters; says how many. */
export function tracker(items) {
  const f = chosen();
  const shown = items.filter((item) => matches(item, f));
  const body = document.querySelector('#tracker-table tbody');
  if (shown.length === 0) {
    body.replaceChildren(html('tr', {}, [html('td', { colspan: 7, text: items.length === 0 ? t('tracker.empty') : t('tracker.noMatch') })]));
  } else {
    body.replaceChildren(...shown.map(row));
  }
  document.getElementById('tracker-count').textContent = t('tracker.count', { shown: shown.length, total: items.length });
}

/** Average progress of each sector's actions (an action without a report counts as 0 %). */
export function sectors(items) {
  const target = document.getElementById('sector-chart');
  const bySector = new Map();
  items.filter((i) => i.status !== 'CANCELLED').forEach((item) => item.sectors.forEach((s) => {
    const entry = bySector.get(s) || { sum: 0, count: 0 };
    entry.sum += item.percentComplete || 0;
    entry.count += 1;
    bySector.set(s, entry);
  }));
  if (bySector.size === 0) {
    target.replaceChildren(html('p', { class: 'muted', text: t('sectors.empty') }));
    return;
  }
  const rows = [...bySector.entries()].map(([code, e]) => ({ code, name: label('sector', code), value: e.sum / e.count, count: e.count }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const chart = bars(rows.map((r) => ({ label: r.name, value: r.value, valueText: percent(r.value) })));
  const summary = rows.map((r) => t('sectors.point', { sector: r.name, percent: percent(r.value), actions: plural('common.actions', r.count) })).join('; ');
  const table = dataTable(t('sectors.heading'), [t('common.sector'), t('sectors.average'), t('sectors.actions')],
    rows.map((r) => [r.name, percent(r.value), String(r.count)]));
  target.replaceChildren(figure(t('sectors.caption'), chart, summary, table));
}

/** Needs coverage: sectors down, population group and area across. */
export function coverage(cells) {
  const target = document.getElementById('coverage-chart');
  if (cells.length === 0) {
    target.replaceChildren(html('p', { class: 'muted', text: t('coverage.empty') }));
    return;
  }
  const rowKeys = [...new Set(cells.map((c) => c.sector))]
    .map((key) => ({ key, label: label('sector', key) })).sort((a, b) => a.label.localeCompare(b.label));
  const columnKeys = [...new Set(cells.map((c) => `${c.group}|${c.area || ''}`))].map((key) => {
    const [group, area] = key.split('|');
    return { key, group, area, label: `${label('group', group)}\n${area || t('coverage.anywhere')}` };
  }).sort((a, b) => a.label.localeCompare(b.label));
  const map = new Map();
  cells.forEach((c) => map.set(`${c.sector}|${c.group}|${c.area || ''}`, { state: c.coverage, symbol: COVERAGE[c.coverage] || '?', count: c.needs }));
  const chart = grid(rowKeys, columnKeys, map, (state) => `c-${state}`);
  const described = cells.map((c) => t('coverage.point', {
    sector: label('sector', c.sector), group: label('group', c.group), area: c.area || t('coverage.anywhere'),
    coverage: label('coverage', c.coverage), needs: plural('common.needs', c.needs),
  }));
  const table = dataTable(t('coverage.heading'),
    [t('common.sector'), t('coverage.group'), t('coverage.area'), t('coverage.state'), t('coverage.needs')],
    cells.map((c) => [label('sector', c.sector), label('group', c.group), c.area || t('coverage.anywhere'),
      `${COVERAGE[c.coverage] || ''} ${label('coverage', c.coverage)}`, String(c.needs)]));
  const legend = html('ul', { class: 'legend', 'aria-label': t('coverage.legend') },
    Object.keys(COVERAGE).map((state) => html('li', {}, [badge('c', state, 'coverage', COVERAGE[state])])));
  target.replaceChildren(legend, figure(t('coverage.caption'), chart, described.join('; '), table, true));
}

/** Readiness: the latest round's score by recommendation, and the overall score's trend over rounds. */
export function readiness(view) {
  const summary = document.getElementById('readiness-summary');
  const chartTarget = document.getElementById('readiness-chart');
  const trendTarget = document.getElementById('readiness-trend');
  if (!view.latest) {
    summary.textContent = t('readiness.empty');
    chartTarget.replaceChildren();
    trendTarget.replaceChildren();
    return;
  }
  let change = '';
  if (view.change !== null && view.change !== undefined) {
    const points = Math.round(view.change * 10) / 10;
    change = points > 0 ? t('readiness.up', { points }) : points < 0 ? t('readiness.down', { points: -points }) : t('readiness.same');
  }
  summary.textContent = t('readiness.latest', { title: view.latest.title, percent: percent(view.latest.percent, 1), change });
  const recs = view.recommendations.map((r) => ({ code: r.code, value: r.max ? (100 * r.points) / r.max : 0, points: r.points, max: r.max }));
  if (recs.length > 0) {
    const chart = bars(recs.map((r) => ({ label: label('recommendation', r.code), value: r.value, valueText: percent(r.value) })));
    const described = recs.map((r) => t('readiness.point', { recommendation: label('recommendation', r.code), percent: percent(r.value), points: r.points, max: r.max })).join('; ');
    const table = dataTable(t('readiness.heading'), [t('readiness.recommendation'), t('readiness.score'), t('readiness.points')],
      recs.map((r) => [label('recommendation', r.code), percent(r.value), `${r.points} / ${r.max}`]));
    chartTarget.replaceChildren(figure(t('readiness.caption'), chart, described, table));
  } else {
    chartTarget.replaceChildren();
  }
  const trend = view.trend.filter((p) => p.percent !== null);
  const chart = line(trend.map((p) => ({ label: date(p.publishedAt), value: p.percent, valueText: percent(p.percent, 1) })));
  const described = trend.map((p) => t('readiness.trendPoint', { date: date(p.publishedAt), title: p.title, percent: percent(p.percent, 1) })).join('; ');
  const table = dataTable(t('readiness.trendHeading'), [t('readiness.round'), t('readiness.published'), t('readiness.overall')],
    trend.map((p) => [p.title, date(p.publishedAt), percent(p.percent, 1)]));
  const parts = [figure(t('readiness.trendCaption'), chart, described, table)];
  if (view.divergentQuestions && view.divergentQuestions.length > 0) {
    parts.push(html('p', { text: t('readiness.divergent', { questions: list(view.divergentQuestions) }) }));
  }
  trendTarget.replaceChildren(...parts);
}

/** The flags still open (or acknowledged): what is inconsistent, since when. */
export function flags(all) {
  const target = document.getElementById('flag-list');
  const open = all.filter((f) => OPEN_FLAGS.includes(f.status));
  if (open.length === 0) {
    target.replaceChildren(html('li', { class: 'muted', text: t('flags.none') }));
    return;
  }
  target.replaceChildren(...open.map((f) => html('li', { 'data-flag-id': f.flagId }, [
    html('p', {}, [html('strong', { text: label('check', f.checkCode) }), document.createTextNode(' '), badge('f', f.status, 'flagStatus')]),
    html('p', { text: f.summary }),
    html('p', { class: 'small', text: t('flags.raised', { date: date(f.createdAt) }) }),
  ])));
}
