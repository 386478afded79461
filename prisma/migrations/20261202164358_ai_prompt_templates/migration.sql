-- CreateTable
CREATE TABLE "AiPromptTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "systemTemplate" TEXT NOT NULL,
    "userTemplate" TEXT NOT NULL,
    "variables" TEXT NOT NULL,
    "outputSchema" TEXT,
    "temperature" REAL,
    "maxOutputTokens" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AiPromptTemplate_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ApiVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AiPromptTemplate_versionId_key" ON "AiPromptTemplate"("versionId");

-- CreateIndex
CREATE INDEX "AiPromptTemplate_teamId_idx" ON "AiPromptTemplate"("teamId");
