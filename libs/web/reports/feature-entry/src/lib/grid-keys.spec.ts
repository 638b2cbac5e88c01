import { cleanNumber, isBlock, keyTarget, parseClipboardBlock, pasteCells } from './grid-keys';

describe('grid keyboard', () => {
  const all = [true, true, true, true];

  it('moves down on Enter and ArrowDown, up on Shift+Enter and ArrowUp, in the same column', () => {
    expect(keyTarget('Enter', false, { row: 1, col: 2 }, all)).toEqual({ row: 2, col: 2 });
    expect(keyTarget('ArrowDown', false, { row: 1, col: 0 }, all)).toEqual({ row: 2, col: 0 });
    expect(keyTarget('Enter', true, { row: 1, col: 4 }, all)).toEqual({ row: 0, col: 4 });
    expect(keyTarget('ArrowUp', false, { row: 3, col: 1 }, all)).toEqual({ row: 2, col: 1 });
  });

  it('stops at the edges and leaves Tab and other keys to the browser', () => {
    expect(keyTarget('Enter', false, { row: 3, col: 0 }, all)).toBeNull();
    expect(keyTarget('ArrowUp', false, { row: 0, col: 0 }, all)).toBeNull();
    expect(keyTarget('Tab', false, { row: 1, col: 0 }, all)).toBeNull();
    expect(keyTarget('ArrowLeft', false, { row: 1, col: 0 }, all)).toBeNull();
    expect(keyTarget('ArrowRight', false, { row: 1, col: 4 }, all)).toBeNull();
    expect(keyTarget('5', false, { row: 1, col: 1 }, all)).toBeNull();
  });

  it('moves left and right from the edge of the text, and moves the caret inside it (issue 13)', () => {
    expect(keyTarget('ArrowRight', false, { row: 1, col: 1 }, all)).toEqual({ row: 1, col: 2 });
    expect(keyTarget('ArrowLeft', false, { row: 1, col: 1 }, all)).toEqual({ row: 1, col: 0 });
    expect(keyTarget('ArrowRight', false, { row: 1, col: 1 }, all, { atStart: true, atEnd: false })).toBeNull();
    expect(keyTarget('ArrowLeft', false, { row: 1, col: 1 }, all, { atStart: false, atEnd: true })).toBeNull();
    expect(keyTarget('ArrowLeft', false, { row: 1, col: 3 }, all, { atStart: true, atEnd: false })).toEqual({ row: 1, col: 2 });
  });

  it('jumps over rows that cannot be edited (submitted, verified)', () => {
    const editable = [true, false, false, true, false];
    expect(keyTarget('Enter', false, { row: 0, col: 1 }, editable)).toEqual({ row: 3, col: 1 });
    expect(keyTarget('Enter', true, { row: 3, col: 1 }, editable)).toEqual({ row: 0, col: 1 });
    expect(keyTarget('ArrowDown', false, { row: 3, col: 1 }, editable)).toBeNull();
  });
});

describe('pasting from Excel', () => {
  it('reads tab-separated lines, with Windows line ends and the trailing line break Excel adds', () => {
    expect(parseClipboardBlock('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(parseClipboardBlock('12.5')).toEqual([['12.5']]);
    expect(isBlock(parseClipboardBlock('12.5'))).toBe(false);
    expect(isBlock(parseClipboardBlock('12.5\n'))).toBe(false);
    expect(isBlock(parseClipboardBlock('1\t2'))).toBe(true);
    expect(isBlock(parseClipboardBlock('1\n2'))).toBe(true);
  });

  it('cleans amounts of thousands separators and spaces', () => {
    expect(cleanNumber('1,234,567.50')).toBe('1234567.50');
    expect(cleanNumber(' 12 345 ')).toBe('12345');
    expect(cleanNumber('1，000')).toBe('1000');
    expect(cleanNumber('\u00a0800.5')).toBe('800.5');
  });

  it('fills to the right and below from the cell pasted into, dropping what does not fit', () => {
    const cells = pasteCells({ row: 0, col: 2 }, parseClipboardBlock('1,000\t2,000.5\t进场施工\tx\n3\t4\n'), [true, true, true]);
    expect(cells).toEqual([
      { row: 0, col: 2, field: 'arrivedOtherWan', value: '1000' },
      { row: 0, col: 3, field: 'completedInvestmentWan', value: '2000.5' },
      { row: 0, col: 4, field: 'progress', value: '进场施工' },
      { row: 1, col: 2, field: 'arrivedOtherWan', value: '3' },
      { row: 1, col: 3, field: 'completedInvestmentWan', value: '4' },
    ]);
  });

  it('skips read-only rows and stops at the last row', () => {
    const cells = pasteCells({ row: 0, col: 0 }, [['1'], ['2'], ['3'], ['4']], [true, false, true]);
    expect(cells.map((c) => [c.row, c.value])).toEqual([
      [0, '1'],
      [2, '2'],
    ]);
  });
});
