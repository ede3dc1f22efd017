import { parseFile, type DatasetFormat, type ParsedFile } from '../../datasets/index.js';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import type { Storage } from '../storage/storage.js';
import { isoNow } from '../time.js';
import type { Dataset, DatasetCreateWithFilesParams, DatasetFile, DatasetListItem, DatasetType, DatasetUpdateParams } from '../types.js';
import { readUpload, type UploadedFile } from '../uploads.js';

/** A dataset's parsed files and how they group into samples. Never returned to callers. */
export interface DatasetContent {
  files: Array<{ id: string; path: string; folder: string | null; parsed: ParsedFile; size: number }>;
  samples: SampleRef[];
}

/** One sample: the records it is made of (one record, a whole file, or a whole folder). */
export interface SampleRef {
  sample_index: number;
  file_path: string;
  /** Row/line/element index when the sample is one record of a multi-record file. */
  row?: number;
  kind: 'record' | 'file' | 'folder';
  parts: Array<{ file: number; record: number }>;
}

const SINGLE_FILE_FORMATS: readonly DatasetFormat[] = ['csv', 'json', 'jsonl'];
const MULTI_FILE_FORMATS: readonly DatasetFormat[] = ['txt', 'md', 'json', 'csv', 'jsonl'];
const DATASET_TYPES: readonly DatasetType[] = ['SINGLE_FILE', 'MULTI_FILE', 'MULTI_FOLDER'];

/** Datasets as the remote SDK names them (`client.dataframer.datasets`). */
export class Datasets {
  constructor(
    private readonly storage: Storage,
    /** True while a job or run still reads this dataset (delete is refused then). */
    private readonly inUse: (datasetId: string) => boolean,
  ) {}

  async createWithFiles(params: DatasetCreateWithFilesParams): Promise<Dataset> {
    if (typeof params !== 'object' || params === null) throw new BadRequestError('request body must be an object');
    if (!DATASET_TYPES.includes(params.dataset_type)) {
      throw new BadRequestError(`dataset_type must be one of ${DATASET_TYPES.join(', ')}`, 'dataset_type');
    }
    if (typeof params.name !== 'string' || params.name.trim() === '') throw new BadRequestError('name is required (a non-empty string)', 'name');
    const existing = await this.storage.list<Dataset>('datasets');
    if (existing.some((d) => d.name === params.name)) throw new BadRequestError('name must be unique: a dataset with this name exists', 'name');
    if (params.csv_headers !== undefined && (!Array.isArray(params.csv_headers) || params.csv_headers.some((h) => typeof h !== 'string'))) {
      throw new BadRequestError('csv_headers must be an array of strings', 'csv_headers');
    }

    const uploads = await this.collectUploads(params);
    const content = buildContent(params.dataset_type, uploads, params.csv_headers);
    if (content.samples.length === 0) throw new BadRequestError('the dataset holds no samples (empty files)', 'file');

    const now = isoNow();
    const folders = new Set(content.files.map((f) => f.folder).filter((f) => f !== null));
    const dataset: Dataset = {
      id: crypto.randomUUID(),
      name: params.name,
      description: params.description ?? null,
      dataset_type: params.dataset_type,
      file_count: content.files.length,
      folder_count: folders.size,
      created_at: now,
      updated_at: now,
      created_by_email: null,
      files: content.files.map(
        (f): DatasetFile => ({ id: f.id, file_type: f.parsed.format, size_bytes: f.size, path: f.path }),
      ),
      short_sample_compatibility: { is_short_samples_compatible: true, is_long_samples_compatible: true, reason: null },
      sample_count: content.samples.length,
    };
    await this.storage.put('dataset_contents', dataset.id, content);
    await this.storage.put('datasets', dataset.id, dataset);
    return dataset;
  }

  async retrieve(datasetId: string): Promise<Dataset> {
    const dataset = await this.storage.get<Dataset>('datasets', datasetId);
    if (!dataset) throw new NotFoundError(`dataset ${JSON.stringify(String(datasetId))} not found`, 'dataset_id');
    return dataset;
  }

  /** A bare array, as the remote returns (no pagination). */
  async list(): Promise<DatasetListItem[]> {
    const all = await this.storage.list<Dataset>('datasets');
    return all.map(({ files: _files, ...item }) => item);
  }

  async update(datasetId: string, params: DatasetUpdateParams): Promise<Dataset> {
    const dataset = await this.retrieve(datasetId);
    if (params.name !== undefined) {
      if (typeof params.name !== 'string' || params.name.trim() === '') throw new BadRequestError('name must be a non-empty string', 'name');
      dataset.name = params.name;
    }
    if (params.description !== undefined) dataset.description = params.description;
    dataset.updated_at = isoNow();
    await this.storage.put('datasets', datasetId, dataset);
    return dataset;
  }

  async delete(datasetId: string): Promise<void> {
    await this.retrieve(datasetId);
    if (this.inUse(datasetId)) throw new ConflictError('dataset is used by a job that has not finished', 'dataset_id');
    await this.storage.delete('datasets', datasetId);
    await this.storage.delete('dataset_contents', datasetId);
  }

  async listFiles(datasetId: string): Promise<DatasetFile[]> {
    return (await this.retrieve(datasetId)).files;
  }

  async listFolders(datasetId: string): Promise<string[]> {
    const content = await this.content(datasetId);
    return [...new Set(content.files.map((f) => f.folder).filter((f): f is string => f !== null))];
  }

  /** Internal: the parsed content a job runs over. */
  async content(datasetId: string): Promise<DatasetContent> {
    const content = await this.storage.get<DatasetContent>('dataset_contents', datasetId);
    if (!content) throw new NotFoundError(`dataset ${JSON.stringify(String(datasetId))} not found`, 'dataset_id');
    return content;
  }

  private async collectUploads(params: DatasetCreateWithFilesParams): Promise<Array<UploadedFile & { folder: string | null }>> {
    if (params.dataset_type === 'SINGLE_FILE') {
      if (params.file === undefined) throw new BadRequestError('file is required for SINGLE_FILE datasets', 'file');
      return [{ ...(await readUpload(params.file, 'file')), folder: null }];
    }
    const files = params.files;
    if (!Array.isArray(files) || files.length === 0) throw new BadRequestError(`files is required for ${params.dataset_type} datasets`, 'files');
    if (files.length > 1000) throw new BadRequestError('files: at most 1000 files', 'files');
    if (params.dataset_type === 'MULTI_FOLDER') {
      const folders = params.folder_names;
      if (!Array.isArray(folders) || folders.length !== files.length || folders.some((f) => typeof f !== 'string' || f === '')) {
        throw new BadRequestError('folder_names must give a folder for each entry of files', 'folder_names');
      }
      if (new Set(folders).size < 2) throw new BadRequestError('MULTI_FOLDER datasets need at least 2 folders', 'folder_names');
    }
    return Promise.all(
      files.map(async (f, i) => ({
        ...(await readUpload(f, `files[${i}]`)),
        folder: params.dataset_type === 'MULTI_FOLDER' ? params.folder_names![i]! : null,
      })),
    );
  }
}

function buildContent(
  type: DatasetType,
  uploads: ReadonlyArray<UploadedFile & { folder: string | null }>,
  csvHeaders: string[] | undefined,
): DatasetContent {
  const allowed = type === 'SINGLE_FILE' ? SINGLE_FILE_FORMATS : MULTI_FILE_FORMATS;
  const files = uploads.map((u, i) => {
    let parsed: ParsedFile;
    try {
      parsed = parseFile(u.name, u.bytes, csvHeaders ? { csvHeaders } : undefined);
    } catch (error) {
      // Reader messages name the format problem, not the content.
      throw new BadRequestError(`file ${JSON.stringify(u.name)} could not be read: ${(error as Error).message}`, type === 'SINGLE_FILE' ? 'file' : `files[${i}]`);
    }
    if (!allowed.includes(parsed.format)) {
      throw new BadRequestError(
        `file ${JSON.stringify(u.name)}: ${type} accepts ${allowed.join(', ')} files, not ${parsed.format}`,
        type === 'SINGLE_FILE' ? 'file' : `files[${i}]`,
      );
    }
    const path = u.folder ? `${u.folder}/${u.name}` : u.name;
    return { id: crypto.randomUUID(), path, folder: u.folder, parsed, size: u.bytes.byteLength };
  });

  const samples: SampleRef[] = [];
  if (type === 'SINGLE_FILE') {
    const file = files[0]!;
    file.parsed.records.forEach((r, record) => {
      samples.push({ sample_index: samples.length, file_path: file.path, row: r.index, kind: 'record', parts: [{ file: 0, record }] });
    });
  } else if (type === 'MULTI_FILE') {
    files.forEach((f, file) => {
      if (f.parsed.records.length === 0) return;
      samples.push({ sample_index: samples.length, file_path: f.path, kind: 'file', parts: f.parsed.records.map((_, record) => ({ file, record })) });
    });
  } else {
    const byFolder = new Map<string, Array<{ file: number; record: number }>>();
    files.forEach((f, file) => {
      const parts = byFolder.get(f.folder!) ?? [];
      f.parsed.records.forEach((_, record) => parts.push({ file, record }));
      byFolder.set(f.folder!, parts);
    });
    for (const [folder, parts] of byFolder) {
      if (parts.length > 0) samples.push({ sample_index: samples.length, file_path: folder, kind: 'folder', parts });
    }
  }
  return { files, samples };
}
