import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterNextRender, effect, inject, input, output, viewChild } from '@angular/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { type ECharts, type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type ChartDrill, drillOf } from './chart-options';

// Only what the dashboard draws, by name: the rest of ECharts stays out of the bundle (STACK.md,
// issue 13). No `import * as echarts` (a namespace handed to a library keeps every export of
// echarts/core) and no ngx-echarts: the component below does the little it did.
// the plain legend: ours fit on one or two lines and never scroll
use([BarChart, LineChart, PieChart, GridComponent, LegendPlainComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * A chart's size on A4 paper in CSS px (1 mm = 3.78 px), as dashboard-page.print.less lays it out:
 * the page 190 mm wide (718 px), two columns 4 mm apart, cards with 1 px borders and 10 px padding;
 * chart heights 64 mm (half) and 56 mm (wide).
 */
export const PRINT_SIZE = {
  half: { width: 329, height: 242 },
  wide: { width: 696, height: 212 },
} as const;

/** The same option, drawn at once (an option with media queries keeps them). */
export function withoutAnimation(option: EChartsCoreOption): EChartsCoreOption {
  const base = option['baseOption'] as EChartsCoreOption | undefined;
  return base ? { ...option, baseOption: { ...base, animation: false } } : { ...option, animation: false };
}

/**
 * Charts are drawn one at a time, in the order they were laid out, the browser painting between two:
 * five charts drawn in one task kept the first off the screen until the last was drawn (1.5 s of
 * ECharts work on a slow phone, issue 13). A chart removed before its turn is skipped.
 */
const drawQueue: (() => void)[] = [];
let drawing = false;

export function queueDraw(draw: () => void, nextTurn: (run: () => void) => void = afterPaint): void {
  drawQueue.push(draw);
  if (drawing) return;
  drawing = true;
  const next = () => {
    const job = drawQueue.shift();
    if (!job) {
      drawing = false;
      return;
    }
    // a chart that fails to draw must not hold up the others
    try {
      job();
    } finally {
      nextTurn(next);
    }
  };
  next();
}

/** after the next frame has been painted: ECharts paints in its own animation-frame callback, before this one */
function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run));
}

/** One ECharts chart of the dashboard: a fixed height, a click that drills down, and its first drawing reported. */
@Component({
  selector: 'zs-dashboard-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div #canvas class="chart" [style.height.px]="height()" [attr.aria-label]="label()" role="img"></div>
    <img #printImage class="chart-print" alt="" aria-hidden="true" />
  `,
  styles: `
    :host {
      display: block;
    }
    .chart {
      width: 100%;
      cursor: pointer;
    }
    .chart-print {
      display: none;
    }
    @media print {
      .chart {
        display: none !important;
      }
      .chart-print {
        display: block;
      }
    }
  `,
})
export class DashboardChart {
  readonly options = input.required<EChartsCoreOption>();
  readonly height = input(280);
  readonly label = input('');
  /** spans the printed page's width (else half of it) */
  readonly wide = input(false);
  readonly drill = output<ChartDrill>();
  /** once, when the chart has been drawn for the first time */
  readonly drawn = output<void>();

  private instance: ECharts | null = null;
  private reported = false;

  private readonly printImage = viewChild.required<ElementRef<HTMLImageElement>>('printImage');
  private readonly canvas = viewChild.required<ElementRef<HTMLDivElement>>('canvas');

  constructor() {
    // Printing lays the page out again at the paper's width right after beforeprint, and draws no
    // animation frame in between: a canvas resized then would be printed half-drawn. So the chart is
    // drawn once, at its printed size (PRINT_SIZE) and without animation, into a picture that the
    // print shows instead of the canvas.
    const beforePrint = () => {
      const instance = this.instance;
      if (!instance) return;
      const size = this.wide() ? PRINT_SIZE.wide : PRINT_SIZE.half;
      instance.setOption(withoutAnimation(this.options()));
      instance.resize({ ...size, animation: { duration: 0 } });
      const image = this.printImage().nativeElement;
      image.src = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      image.style.width = `${size.width}px`;
      image.style.height = `${size.height}px`;
      instance.resize({ width: 'auto', height: 'auto', animation: { duration: 0 } });
      instance.setOption(this.options());
    };
    window.addEventListener('beforeprint', beforePrint);
    let resize: ResizeObserver | null = null;
    let destroyed = false;
    inject(DestroyRef).onDestroy(() => {
      destroyed = true;
      window.removeEventListener('beforeprint', beforePrint);
      resize?.disconnect();
      this.instance?.dispose();
      this.instance = null;
    });

    // drawn once the element is laid out (ECharts reads its size) and its turn has come, then kept to
    // the element's size
    afterNextRender(() =>
      queueDraw(() => {
        if (destroyed) return;
        const element = this.canvas().nativeElement;
        // the size ECharts reads in init (one layout, before the chart's own elements are added)
        let drawnAt = { width: element.clientWidth, height: element.clientHeight };
        const instance = init(element);
        instance.on('click', (event) => this.click(event));
        instance.on('finished', () => this.finished());
        instance.setOption(this.options());
        // drawn = its first frame painted, not ECharts' 'finished' alone: that comes after the entry
        // animation, and never while the page's clock stands still (a test's fixed clock), which kept
        // the 驾驶舱's later panels and cards (made once a chart is drawn) from ever appearing
        afterPaint(() => {
          if (!destroyed) this.finished();
        });
        this.initialised(instance);
        resize = new ResizeObserver(() => {
          // an observer reports the element's size once when it starts observing: the size the chart
          // was just drawn at. ECharts' resize lays the whole chart out again even at the same size
          // (133 ms at CPU 4× for the trend, in the frame that was to show it first: issue 13)
          if (element.clientWidth === drawnAt.width && element.clientHeight === drawnAt.height) return;
          drawnAt = { width: element.clientWidth, height: element.clientHeight };
          instance.resize();
        });
        resize.observe(element);
      }),
    );
    // new figures replace the old ones (not merged: a series or a category may have gone)
    effect(() => {
      const options = this.options();
      this.instance?.setOption(options, true);
    });
  }

  private readonly host = inject<ElementRef<HTMLElement & { zsChart?: ECharts }>>(ElementRef).nativeElement;

  private initialised(instance: ECharts): void {
    this.instance = instance;
    // the e2e tests find a bar's pixel through it (convertToPixel) to click it as a person would
    this.host.zsChart = instance;
  }

  private click(event: unknown): void {
    const drill = drillOf(event as { data?: unknown });
    if (drill) this.drill.emit(drill);
  }

  private finished(): void {
    if (this.reported) return;
    this.reported = true;
    this.drawn.emit();
  }
}
