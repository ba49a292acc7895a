import { useEffect, useState } from "react";
import { linkSecretFor } from "../session/link-secrets";
import { SCREEN_FILE_TYPES } from "../../shared/screen/files";
import { isMessageKey } from "../../shared/i18n";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useIsFacilitator, useSessionStore } from "../session/session-store";
import { showToast } from "../ui/toast-store";
import { Field } from "../ui/Field";
import { UploadError, uploadScreenFile } from "./api";
import { renderPdfPage } from "./pdf";
import { fileUrl, useScreenStore } from "./screen-store";
import "./screen.css";

/** What is on the screen, shown in the page too: for those who cannot see the 3D screen well. */
function Preview() {
  const t = useT();
  const code = useSessionStore((s) => s.code);
  const { fileId, kind, name, page } = useScreenStore();
  // The holder as state, not a ref: the drawing starts whenever the holder is in the page, also when
  // it appears after the file did (a ref's change would not run the effect, leaving "Loading…").
  const [holder, setHolder] = useState<HTMLDivElement | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setFailed(false);
    if (kind !== "pdf" || !holder) return;
    let cancelled = false;
    renderPdfPage(fileUrl(code, fileId), page, 900).then(
      (canvas) => {
        if (cancelled) return;
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", `${name} – ${page}`);
        holder.replaceChildren(canvas);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [code, fileId, kind, page, name, holder]);
  if (!fileId) return null;
  if (failed) return <p className="error-text">{t("screen.renderFailed")}</p>;
  return kind === "image" ? (
    <img className="screen-preview" src={fileUrl(code, fileId)} alt={name} />
  ) : (
    // The text is React's only until the drawing replaces it; keyed so a new file starts with it again.
    <div className="screen-preview" ref={setHolder} key={`${fileId}:${page}`}>
      {t("screen.loading")}
    </div>
  );
}

function Uploads() {
  const t = useT();
  const connection = useConnection();
  const code = useSessionStore((s) => s.code);
  const files = useScreenStore((s) => s.files);
  const showing = useScreenStore((s) => s.fileId);
  const [busy, setBusy] = useState<string | null>(null);
  const secret = linkSecretFor("host", code);
  if (!secret) return <p className="help">{t("export.noKey")}</p>;

  const upload = async (list: FileList | null) => {
    let first = true;
    for (const file of Array.from(list ?? [])) {
      setBusy(file.name);
      try {
        const { fileId } = await uploadScreenFile(code, secret, file);
        if (first) connection.send("screen.show", { fileId });
        first = false;
      } catch (error) {
        const code = error instanceof UploadError ? `errors.${error.message}` : "errors.network";
        showToast({ key: isMessageKey(code) ? code : "errors.upload_type" });
      }
    }
    setBusy(null);
  };

  return (
    <>
      <Field label={t("screen.upload")} help={busy ? t("screen.uploading", { name: busy }) : t("screen.uploadHelp")}>
        {(control) => (
          <input
            {...control}
            type="file"
            multiple
            accept={Object.keys(SCREEN_FILE_TYPES).join(",")}
            disabled={busy !== null}
            onChange={(e) => {
              void upload(e.target.files);
              e.target.value = "";
            }}
          />
        )}
      </Field>
      {files.length > 0 && (
        <>
          <h3>{t("screen.files")}</h3>
          <ul className="screen-files">
            {files.map((file) => (
              <li key={file.id} aria-current={file.id === showing ? "true" : undefined}>
                <span className="screen-files__name">
                  {file.name}
                  {file.kind === "pdf" && <span className="help"> · {t("screen.pages", { count: file.pages })}</span>}
                </span>
                <button type="button" onClick={() => connection.send("screen.show", { fileId: file.id })}>
                  {t("screen.show")}
                </button>
                <button
                  type="button"
                  className="button--quiet button--danger"
                  onClick={() => {
                    if (confirm(t("screen.confirmDelete", { name: file.name }))) {
                      connection.send("screen.removeFile", { fileId: file.id });
                    }
                  }}
                >
                  {t("screen.delete")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The Screen tab: what everyone sees on the stage screen; facilitators also upload and page through. */
export function ScreenPanel() {
  const t = useT();
  const connection = useConnection();
  const facilitator = useIsFacilitator();
  const { fileId, name, page, pages, kind } = useScreenStore();
  return (
    <div className="screen-panel">
      <h2 className="visually-hidden">{t("screen.heading")}</h2>
      <p aria-live="polite">
        {fileId ? t("screen.showing", { name }) : t("screen.nothing")}
        {kind === "pdf" && <> · {t("screen.page", { page, pages })}</>}
      </p>
      {facilitator && fileId && (
        <div className="tool-buttons">
          {kind === "pdf" && (
            <>
              <button
                type="button"
                disabled={page <= 1}
                onClick={() => connection.send("screen.page", { page: page - 1 })}
              >
                {t("screen.prev")}
              </button>
              <button
                type="button"
                disabled={page >= pages}
                onClick={() => connection.send("screen.page", { page: page + 1 })}
              >
                {t("screen.next")}
              </button>
            </>
          )}
          <button type="button" onClick={() => connection.send("screen.clear", {})}>
            {t("screen.clear")}
          </button>
        </div>
      )}
      <Preview />
      {facilitator && <Uploads />}
    </div>
  );
}
