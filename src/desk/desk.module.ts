import { Global, Module } from '@nestjs/common';
import { DeskController } from './desk.controller';
import { DeskRegistry } from './desk-registry';
import { DeskService } from './desk.service';

/** The organiser's desk: every part registers what needs doing in it. */
@Global()
@Module({
  controllers: [DeskController],
  providers: [DeskRegistry, DeskService],
  exports: [DeskRegistry, DeskService],
})
export class DeskModule {}
