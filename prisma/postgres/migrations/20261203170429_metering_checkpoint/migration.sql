-- CreateTable
CREATE TABLE "MeteringCheckpoint" (
    "id" TEXT NOT NULL,
    "committedSeq" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeteringCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeteringCheckpoint_updatedAt_idx" ON "MeteringCheckpoint"("updatedAt");
