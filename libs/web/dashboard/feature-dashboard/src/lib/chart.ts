import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, input, output } from '@angular/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { type ChartDrill, drillOf } from './chart-options';

// only what the dashboard draws: the rest of ECharts stays out of the bundle (STACK.md)
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

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
  readonly drill = output<ChartDrill>();
  /** once, when the chart has been drawn for the first time */
  readonly drawn = output<void>();

  private instance: echarts.ECharts | null = null;
  private reported = false;

  constructor() {
    // a printout lays the page out again at the paper's width: redraw at that size before it is taken
    const resize = () => this.instance?.resize({ animation: { duration: 0 } });
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
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
