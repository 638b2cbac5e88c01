import { type ArgumentsHost, Body, Catch, Controller, type ExceptionFilter, Get, HttpCode, Param, PayloadTooLargeException, Post, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { diskStorage, FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IMPORT_KINDS, type ImportKind, type ImportProgress, type ImportResult } from '@zhaoshang/shared/domain';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { NotFound, ValidationFailed } from '../../common/errors/app.exception.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { attachmentHeader, sendXlsx, XLSX_CONTENT_TYPE as XLSX } from '../../common/http/xlsx-reply.js';
import { errorReportFileName, writeErrorReport } from './error-report.js';
import { ErrorReportRequestDto, ImportFailedResponse, ImportProgressResponse, ImportRequestDto, ImportResultResponse } from './import-request.dto.js';
import { ImportFailed } from './import-failed.js';
import { ImportsService, type UploadedSheet } from './imports.service.js';
import { Dictionaries } from './lookups.js';
import { buildTemplate, templateFileName } from './templates.js';

export const MAX_UPLOAD_MB = 50;

/** The upload goes to a temporary file as it arrives (100,000 rows must not sit in memory), at most 50 MB. */
const Upload = FileInterceptor('file', {
  storage: diskStorage({ destination: tmpdir() }),
  limits: { fileSize: MAX_UPLOAD_MB * 1024 * 1024, files: 1, fields: 10 },
});

/** 413 naming the limit, in Chinese, instead of the generic "上传的内容过大". */
@Catch(PayloadTooLargeException)
export class UploadTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(413).type('application/json; charset=utf-8').send({
      statusCode: 413,
      error: 'PAYLOAD_TOO_LARGE',
      message: `上传的文件超过 ${MAX_UPLOAD_MB} MB，请分成几个文件导入`,
    });
  }
}

const MULTIPART_BODY = (extra: Record<string, object>) => ({
  schema: {
    type: 'object',
    required: ['file', 'kind'],
    properties: { file: { type: 'string', format: 'binary', description: 'Excel（.xlsx，第一个工作表）或 CSV（UTF-8 或 GB18030）' }, kind: { type: 'string', enum: [...IMPORT_KINDS] }, ...extra },
  },
});

function uploaded(file: UploadedMultipartFile | undefined): UploadedSheet {
  if (!file?.path) throw ValidationFailed.field('file', '请选择要导入的文件（表单字段 file）');
  return { path: file.path, originalName: decodeFileName(file.originalname) };
}

/** Browsers send the file name as UTF-8 bytes, which the multipart parser reads as latin1. */
function decodeFileName(name: string): string {
  const bytes = Buffer.from(name, 'latin1');
  const utf8 = bytes.toString('utf8');
  const wide = [...name].some((c) => c.charCodeAt(0) > 0xff);
  return wide || utf8.includes('\ufffd') ? name : utf8;
}

async function removeUpload(file: UploadedMultipartFile | undefined): Promise<void> {
  if (file?.path) await unlink(file.path).catch(() => undefined);
}

const kindPipe = {
  transform(value: string): ImportKind {
    if (!(IMPORT_KINDS as readonly string[]).includes(value)) throw ValidationFailed.field('kind', `导入类型必须是以下之一：${IMPORT_KINDS.join('、')}`);
    return value as ImportKind;
  },
};

@ApiTags('导入')
@Controller({ path: 'imports', version: '1' })
@UseFilters(UploadTooLargeFilter)
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(200)
  @Access({ capability: 'imports:run' })
  @UseInterceptors(Upload)
  @ApiOperation({
    summary: '导入 Excel / CSV（项目清单、月报、全社会固定资产投资）',
    description:
      '整个文件在一个事务中导入：任何一行有错，返回 422 并列出全部错误，不写入任何数据。再次导入相同文件不会改变数据。旗县人员只能导入本地区的数据；fai 仅市级人员和管理员；“已核实”的月报需核实权限',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(
    MULTIPART_BODY({
      dryRun: { type: 'string', enum: ['true', 'false'], default: 'false' },
      importId: { type: 'string', format: 'uuid' },
      confirmLookAlikes: { type: 'string', enum: ['true', 'false'], default: 'false' },
    }),
  )
  @ApiOkResponse({ type: ImportResultResponse })
  @ApiUnprocessableEntityResponse({ type: ImportFailedResponse, description: 'IMPORT_FAILED：文件格式、表头或数据有误，errors 列出每一处' })
  async run(
    @CurrentUserActor() actor: UserActor,
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @Body() dto: ImportRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResult | ReturnType<ImportFailed['body']>> {
    try {
      return await this.imports.run(actor, uploaded(file), {
        kind: dto.kind,
        dryRun: dto.dryRun === 'true',
        confirmLookAlikes: dto.confirmLookAlikes === 'true',
        importId: dto.importId?.toLowerCase(),
      });
    } catch (error) {
      if (!(error instanceof ImportFailed)) throw error;
      void reply.status(422);
      return error.body();
    } finally {
      await removeUpload(file);
    }
  }

  @Get('templates/:kind')
  @Access({ capability: 'imports:run' })
  @ApiOperation({ summary: '下载导入模板（.xlsx）', description: '表头同导入要求，含示例行、下拉选项与填写说明' })
  @ApiProduces(XLSX)
  // named: `ImportKind` is a type alias, which leaves no runtime type for swagger to read the parameter from
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS, description: '导入类型 / import kind' })
  @ApiOkResponse({ description: '项目清单导入模板.xlsx 等', schema: { type: 'string', format: 'binary' } })
  async template(@Param('kind', kindPipe) kind: ImportKind, @Res() reply: FastifyReply): Promise<void> {
    const buffer = await buildTemplate(kind, await Dictionaries.load(this.dataSource));
    sendXlsx(reply, templateFileName(kind), buffer);
  }

  @Get(':importId/progress')
  @Access({ capability: 'imports:run' })
  @ApiOperation({ summary: '查询导入进度', description: '按提交导入时的 importId；仅本人的导入，结束后保留 1 小时' })
  @ApiOkResponse({ type: ImportProgressResponse })
  async progress(@CurrentUserActor() actor: UserActor, @Param('importId', uuidPipe('导入编号', 'importId')) importId: string): Promise<ImportProgress> {
    const progress = await this.imports.progress(importId, actor);
    if (!progress) throw new NotFound('导入任务', importId);
    return progress;
  }

  @Post('error-report')
  @HttpCode(200)
  @Access({ capability: 'imports:run' })
  @UseInterceptors(Upload)
  @ApiOperation({ summary: '生成错误说明表（.xlsx）', description: '按导入的规则检查上传的文件（不写入数据），返回原表格并在每个出错行后加「错误说明」列、标红' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(MULTIPART_BODY({}))
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '原文件名-错误说明.xlsx', schema: { type: 'string', format: 'binary' } })
  async errorReport(
    @CurrentUserActor() actor: UserActor,
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @Body() dto: ErrorReportRequestDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      const upload = uploaded(file);
      const { sheet, errors } = await this.imports.problems(actor, upload, dto.kind);
      const out = new PassThrough();
      const written = writeErrorReport(out, sheet, errors);
      // the temporary file is read until the report is written; remove it then, whatever happens
      void written.catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error)))).finally(() => void removeUpload(file));
      void reply
        .header('content-type', XLSX)
        .header('content-disposition', attachmentHeader(errorReportFileName(upload.originalName)))
        .header('x-import-error-count', String(errors.length))
        .send(out);
    } catch (error) {
      await removeUpload(file);
      if (!(error instanceof ImportFailed)) throw error;
      void reply.status(422).type('application/json; charset=utf-8').send(error.body());
    }
  }
}
