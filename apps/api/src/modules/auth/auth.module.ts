import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService, LOGIN_LIMITER } from './auth.service.js';
import { LoginLimiter } from './login-limiter.js';

@Module({
  imports: [
    ApiKeysModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // a KeyObject: given a string, jsonwebtoken first tries to parse it as a public key on every
      // verify (about 0.3 ms a request, measured by the benchmark's profile)
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: LOGIN_LIMITER, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new LoginLimiter(dataSource) }, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService],
})
export class AuthModule {}
