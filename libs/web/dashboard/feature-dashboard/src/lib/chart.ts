import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, input, output } from '@angular/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { type ChartDrill, drillOf } from './chart-options';

// only what the dashboard draws: the rest of ECharts stays out of the bundle (STACK.md)
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * A chart's size on A4 paper in CSS px (1 mm = 3.78 px), as dashboard-page.less lays it out in print:
 * the page 190 mm wide (718 px), two columns 4 mm apart, cards with 1 px borders and 10 px padding;
 * chart heights 64 mm (half) and 56 mm (wide).
 */
export const PRINT_SIZE = {
  half: { width: 329, height: 242 },
  wide: { width: 696, height: 212 },
} as const;

/** The same option, drawn at once (an option with media queries keeps them). */
export function withoutAnimation(option: echarts.EChartsCoreOption): echarts.EChartsCoreOption {
  const base = option['baseOption'] as echarts.EChartsCoreOption | undefined;
  return base ? { ...option, baseOption: { ...base, animation: false } } : { ...option, animation: false };
}

/** One ECharts chart of the dashboard: a fixed height, a click that drills down, and its first drawing reported. */
@Component({
  selector: 'zs-dashboard-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="chart" echarts [options]="options()" [style.height.px]="height()" (chartInit)="init($event)" (chartClick)="click($event)" (chartFinished)="finished()" [attr.aria-label]="label()" role="img"></div>`,
  styles: `
    :host {
      display: block;
    }
    .chart {
      width: 100%;
      cursor: pointer;
    }
  `,
})
export class DashboardChart {
  readonly options = input.required<echarts.EChartsCoreOption>();
  readonly height = input(280);
  readonly label = input('');
  /** spans the printed page's width (else half of it) */
  readonly wide = input(false);
  readonly drill = output<ChartDrill>();
  /** once, when the chart has been drawn for the first time */
  readonly drawn = output<void>();

  private instance: echarts.ECharts | null = null;
  private reported = false;

  constructor() {
    // Printing lays the page out again at the paper's width, after beforeprint and with no time to
    // redraw: draw now at the printed size (dashboard-page.less @media print), without animation.
    // An animation still running would be frozen half-way by a merge of `animation: false`: the
    // whole option is set again instead.
    const beforePrint = () => {
      const size = this.wide() ? PRINT_SIZE.wide : PRINT_SIZE.half;
      this.instance?.setOption(withoutAnimation(this.options()), { notMerge: true });
      this.instance?.resize({ ...size, animation: { duration: 0 } });
    };
    const afterPrint = () => {
      this.instance?.setOption(this.options(), { notMerge: true });
      this.instance?.resize({ width: 'auto', height: 'auto', animation: { duration: 0 } });
    };
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    });
  }

  private readonly host = inject<ElementRef<HTMLElement & { zsChart?: echarts.ECharts }>>(ElementRef).nativeElement;

  protected init(instance: echarts.ECharts): void {
    this.instance = instance;
    // the e2e tests find a bar's pixel through it (convertToPixel) to click it as a person would
    this.host.zsChart = instance;
  }

  protected click(event: unknown): void {
    const drill = drillOf(event as { data?: unknown });
    if (drill) this.drill.emit(drill);
  }

  protected finished(): void {
    if (this.reported) return;
    this.reported = true;
    this.drawn.emit();
  }
}
