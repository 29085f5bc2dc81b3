import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { documentProblems } from './common/errors/problem.openapi';
import { declaredSchemas } from './common/validation/openapi';

/** OpenAPI 3.1 at /openapi.json, Swagger UI at /docs; both public, both generated from the routes. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Gatehouse')
    .setDescription('Governed control plane for data products in front of Airflow and Dagster.')
    .setVersion(process.env.npm_package_version ?? '0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A Gatehouse API token' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...(declaredSchemas() as Record<string, object>) } };
  documentProblems(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}
