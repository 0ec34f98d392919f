// Charts as inline SVG, each inside a figure whose caption names it, with a text summary for screen readers
// (the SVG's accessible description) and the numbers as a table anyone can open.

import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
let counter = 0;

export function svg(name, attributes = {}, children = []) {
  const element = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([k, v]) => element.setAttribute(k, String(v)));
  children.forEach((c) => element.append(c));
  return element;
}

export function html(name, attributes = {}, children = []) {
  const element = document.createElement(name);
  Object.entries(attributes).forEach(([k, v]) => {
    if (k === 'text') {
      element.textContent = v;
    } else if (v !== null && v !== undefined && v !== false) {
      element.setAttribute(k, v === true ? '' : String(v));
    }
  });
  children.forEach((c) => element.append(c));
  return element;
}

function text(x, y, content, attributes = {}) {
  const element = svg('text', { x, y, ...attributes });
  element.textContent = content;
  return element;
}

/** A data table: columns are header texts, rows are arrays of cell texts; the first cell of a row is its header. */
export function dataTable(caption, columns, rows) {
  const head = html('thead', {}, [html('tr', {}, columns.map((c) => html('th', { scope: 'col', text: c })))]);
  const body = html('tbody', {}, rows.map((row) => html('tr', {}, row.map((cell, i) => (i === 0
    ? html('th', { scope: 'row', text: cell }) : html('td', { text: cell }))))));
  return html('table', { class: 'data' }, [html('caption', { class: 'sr-only', text: caption }), head, body]);
}

/**
 * A figure: caption, the chart (an image to assistive technology, described by the summary), and the numbers in a
 * table behind a disclosure.
 */
export function figure(caption, chart, summary, table, scrolls = false) {
  counter += 1;
  const captionId = `fig-${counter}-caption`;
  const summaryId = `fig-${counter}-summary`;
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-labelledby', captionId);
  chart.setAttribute('aria-describedby', summaryId);
  chart.classList.add('chart');
  const details = html('details', {}, [html('summary', { text: t('chart.showNumbers') }), html('div', { class: 'table-wrap' }, [table])]);
  return html('figure', {}, [
    html('figcaption', { id: captionId, text: caption }),
    scrolls ? html('div', { class: 'chart-scroll' }, [chart]) : chart,
    html('p', { id: summaryId, class: 'sr-only', text: summary }),
    details,
  ]);
}

/**
 * Horizontal bars on a 0-100 scale: items are {label, value (0-100, or null for none), valueText}.
 */
export function bars(items) {
  const width = 640;
  const labelWidth = 190;
  const valueWidth = 110;
  const row = 30;
  const height = Math.max(row, items.length * row) + 8;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'xMinYMin meet' });
  const span = width - labelWidth - valueWidth;
  items.forEach((item, i) => {
    const y = i * row + 4;
    const value = item.value === null || item.value === undefined ? 0 : Math.max(0, Math.min(100, item.value));
    chart.append(text(labelWidth - 8, y + 18, clip(item.label, 26), { class: 'label', 'text-anchor': 'end' }));
    chart.append(svg('rect', { class: 'track', x: labelWidth, y: y + 4, width: span, height: row - 12, rx: 3 }));
    chart.append(svg('rect', { class: 'bar', x: labelWidth, y: y + 4, width: (span * value) / 100, height: row - 12, rx: 3 }));
    chart.append(text(labelWidth + span + 8, y + 18, item.valueText, { class: 'value' }));
  });
  return chart;
}

/** A line over time: points are {label, value (0-100)}; values are written beside the dots. */
export function line(points) {
  const width = 640;
  const height = 170;
  const left = 40;
  const right = 30;
  const top = 20;
  const bottom = 40;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'xMinYMin meet' });
  const x = (i) => (points.length === 1 ? (left + width - right) / 2 : left + (i * (width - left - right)) / (points.length - 1));
  const y = (v) => top + ((100 - v) * (height - top - bottom)) / 100;
  chart.append(svg('line', { class: 'axis', x1: left, y1: y(0), x2: width - right, y2: y(0) }));
  chart.append(text(left - 6, y(0) + 4, '0', { 'text-anchor': 'end' }));
  chart.append(text(left - 6, y(100) + 4, '100', { 'text-anchor': 'end' }));
  if (points.length > 1) {
    chart.append(svg('polyline', { class: 'line', points: points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ') }));
  }
  points.forEach((p, i) => {
    chart.append(svg('circle', { class: 'dot', cx: x(i), cy: y(p.value), r: 5 }));
    chart.append(text(x(i), y(p.value) - 10, p.valueText, { class: 'value', 'text-anchor': 'middle' }));
    chart.append(text(x(i), height - 12, clip(p.label, 16), { class: 'label', 'text-anchor': 'middle' }));
  });
  return chart;
}

/**
 * A grid of rows x columns, each cell drawn in its state's colour AND marked with its state's symbol and a number,
 * so colour is never the only sign: cells is a Map of `${row}|${column}` to {state, symbol, count}.
 */
export function grid(rows, columns, cells, stateClass) {
  const labelWidth = 170;
  const cellWidth = 110;
  const cellHeight = 40;
  const headHeight = 54;
  const width = labelWidth + columns.length * cellWidth + 4;
  const height = headHeight + rows.length * cellHeight + 4;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'xMinYMin meet', width });
  columns.forEach((column, c) => {
    const cx = labelWidth + c * cellWidth + cellWidth / 2;
    const lines = column.label.split('\n');
    lines.forEach((part, i) => chart.append(text(cx, 18 + i * 16, clip(part, 15), { class: 'label', 'text-anchor': 'middle' })));
  });
  rows.forEach((row, r) => {
    const y = headHeight + r * cellHeight;
    chart.append(text(labelWidth - 8, y + cellHeight / 2 + 5, clip(row.label, 24), { class: 'label', 'text-anchor': 'end' }));
    columns.forEach((column, c) => {
      const cell = cells.get(`${row.key}|${column.key}`);
      if (!cell) {
        return;
      }
      const x = labelWidth + c * cellWidth;
      const css = stateClass(cell.state);
      chart.append(svg('rect', { class: `cell ${css}`, x, y, width: cellWidth, height: cellHeight, rx: 4 }));
      chart.append(text(x + cellWidth / 2, y + cellHeight / 2 + 5, `${cell.symbol} ${cell.count}`,
        { class: `cell-text ${css}`, 'text-anchor': 'middle' }));
    });
  });
  return chart;
}

function clip(value, length) {
  const s = String(value);
  return s.length > length ? `${s.slice(0, length - 1)}…` : s;
}
