import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_KINDS, type ImportKind, type ImportProgress, type ImportResult, type ImportRowError } from '@zhaoshang/shared/domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** The text fields of the multipart form; the file itself is the `file` part. */
export class ImportRequestDto {
  @ApiProperty({ title: '导入类型', enum: IMPORT_KINDS, description: 'projects 项目清单；monthly 月报；fai 全社会固定资产投资' })
  @IsIn(IMPORT_KINDS)
  kind: ImportKind;

  @ApiPropertyOptional({ title: '试导入', enum: ['true', 'false'], default: 'false', description: 'true：检查并统计，不写入任何数据' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({ title: '导入编号', format: 'uuid', description: '客户端生成的 UUID，用于查询导入进度' })
  @IsOptional()
  @IsUUID()
  importId?: string;

  @ApiPropertyOptional({ title: '确认疑似重复项目', enum: ['true', 'false'], default: 'false', description: 'true：疑似重复的新项目照常导入，并在 warnings 中列出' })
  @IsOptional()
  @IsIn(['true', 'false'])
  confirmLookAlikes?: 'true' | 'false';
}

export class ErrorReportRequestDto {
  @ApiProperty({ title: '导入类型', enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS)
  kind: ImportKind;
}

export class ImportRowErrorResponse implements ImportRowError {
  @ApiProperty({ description: '工作表名称；CSV 为文件名' }) sheet: string;
  @ApiProperty({ description: '电子表格中的行号（表头为第 1 行）' }) row: number;
  @ApiProperty({ description: '列名（表头文字）' }) column: string;
  @ApiProperty() message: string;
}

export class ImportResultResponse implements ImportResult {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: [ImportRowErrorResponse], description: '已确认导入的疑似重复项目等提示' }) warnings: ImportRowErrorResponse[];
}

export class ImportFailedResponse {
  @ApiProperty({ example: 422 }) statusCode: number;
  @ApiProperty({ example: 'IMPORT_FAILED' }) error: string;
  @ApiProperty({ example: '导入文件有 2 处错误，未写入任何数据' }) message: string;
  @ApiProperty({ type: [ImportRowErrorResponse] }) errors: ImportRowErrorResponse[];
}

export class ImportProgressResponse implements ImportProgress {
  @ApiProperty() importId: string;
  @ApiProperty({ enum: ['READING', 'CHECKING', 'WRITING', 'DONE', 'FAILED'] }) phase: ImportProgress['phase'];
  @ApiProperty({ description: '已读取到的行号' }) rowsRead: number;
}
