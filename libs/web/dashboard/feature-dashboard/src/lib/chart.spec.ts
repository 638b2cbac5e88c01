import { queueDraw } from './chart';

describe('queueDraw', () => {
  it('draws one chart per turn, in the order asked, and starts at once when nothing waits', () => {
    const turns: (() => void)[] = [];
    const nextTurn = (run: () => void) => turns.push(run);
    const drawn: string[] = [];
    queueDraw(() => drawn.push('trend'), nextTurn);
    queueDraw(() => drawn.push('districts'), nextTurn);
    queueDraw(() => drawn.push('origins'), nextTurn);
    // the first at once; the others each after a painted frame
    expect(drawn).toEqual(['trend']);
    turns.shift()?.();
    expect(drawn).toEqual(['trend', 'districts']);
    turns.shift()?.();
    turns.shift()?.();
    expect(drawn).toEqual(['trend', 'districts', 'origins']);
    // the last turn found the queue empty: a chart asking later is drawn at once
    turns.shift()?.();
    expect(turns).toHaveLength(0);
    queueDraw(() => drawn.push('industries'), nextTurn);
    expect(drawn).toEqual(['trend', 'districts', 'origins', 'industries']);
    turns.shift()?.();
  });

  it('goes on with the next chart when one fails to draw', () => {
    const turns: (() => void)[] = [];
    const nextTurn = (run: () => void) => turns.push(run);
    const drawn: string[] = [];
    expect(() =>
      queueDraw(() => {
        throw new Error('no canvas');
      }, nextTurn),
    ).toThrow('no canvas');
    queueDraw(() => drawn.push('districts'), nextTurn);
    turns.shift()?.();
    expect(drawn).toEqual(['districts']);
    turns.shift()?.();
  });
});
